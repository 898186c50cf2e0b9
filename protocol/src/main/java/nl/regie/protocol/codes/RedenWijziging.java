package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * iWmo code list WMO002: why the gemeente changes a toewijzing. 01 is withdrawn (CS336); 13 deletes a
 * toewijzing and needs Einddatum equal to Ingangsdatum (CS335).
 */
public enum RedenWijziging implements Code {
  ADMINISTRATIEVE_CORRECTIE_VERVALLEN("01", "Administratieve correctie (vervallen)"),
  CLIENT_OVERLEDEN("02", "Cliënt overleden"),
  CONTRACTWIJZIGING("03", "Contractwijziging"),
  VERLENGING("04", "Herbeoordeling: verlenging toewijzing"),
  VERKORTING("05", "Herbeoordeling: verkorting toewijzing"),
  UITSTROOM_ANDER_DOMEIN("06", "Uitstroom naar ander domein"),
  VERHUIZING("07", "Verhuizing naar een andere gemeente"),
  WIJZIGING_LEVERINGSVORM("08", "Wijziging leveringsvorm"),
  ANDERE_AANBIEDER("09", "Overstap naar andere aanbieder"),
  NIEUWE_BEKOSTIGING("10", "Overgang naar nieuwe bekostigingssystematiek"),
  GEMEENTELIJKE_HERINDELING("11", "Gemeentelijke herindeling"),
  GEINITIEERD_DOOR_AANBIEDER("12", "Geïnitieerd door de aanbieder"),
  VERWIJDERD("13", "Verwijderd"),
  ADMINISTRATIEVE_CORRECTIE("14", "Administratieve correctie");

  private final String code;
  private final String omschrijving;

  RedenWijziging(String code, String omschrijving) {
    this.code = code;
    this.omschrijving = omschrijving;
  }

  /**
   * Whether a change for this reason ends the toewijzing for good (it stops before its time and
   * nothing follows under it), rather than adjusting a toewijzing that lives on.
   */
  public boolean beeindigt() {
    return switch (this) {
      case ADMINISTRATIEVE_CORRECTIE_VERVALLEN, CLIENT_OVERLEDEN, VERKORTING, UITSTROOM_ANDER_DOMEIN, VERHUIZING, ANDERE_AANBIEDER,
          VERWIJDERD -> true;
      default -> false;
    };
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public String omschrijving() {
    return omschrijving;
  }

  @JsonCreator
  public static RedenWijziging of(String code) {
    return Code.parse(RedenWijziging.class, code);
  }
}
