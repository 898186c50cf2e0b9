package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list COD472: how a relatie stands to the cliënt. */
public enum SoortRelatie implements Code {
  CURATOR("03", "Curator (juridisch)"),
  FINANCIEEL_GEMACHTIGD("04", "Financieel (gemachtigd)"),
  FINANCIEEL_TOETSING("05", "Financieel (toetsing)"),
  LEEFEENHEID("06", "Leefeenheid"),
  HULPVERLENER("07", "Hulpverlener"),
  SPECIALIST("08", "Specialist"),
  ANDERS("09", "Anders"),
  OUDER("10", "Ouder"),
  VOOGD("11", "Voogd"),
  PARTNER("12", "Partner/echtgeno(o)t(e)"),
  PLEEGOUDER("13", "Pleegouder"),
  BEWINDVOERDER("14", "Bewindvoerder"),
  MENTOR("15", "Mentor"),
  ZOON_DOCHTER("16", "Zoon/dochter"),
  FAMILIELID("17", "Familielid"),
  GEZINSLID("18", "Gezinslid"),
  BUUR("19", "Buur"),
  VRIEND_KENNIS("20", "Vriend(in)/kennis"),
  CLIENTONDERSTEUNER("21", "Cliëntondersteuner"),
  HUISARTS("22", "Huisarts"),
  ERVEN_VAN("23", "Erven van"),
  WERKGEVER("24", "Werkgever"),
  WIJKCOACH("25", "Wijkcoach");

  private final String code;
  private final String omschrijving;

  SoortRelatie(String code, String omschrijving) {
    this.code = code;
    this.omschrijving = omschrijving;
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
  public static SoortRelatie of(String code) {
    return Code.parse(SoortRelatie.class, code);
  }
}
