package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list WMO588: why the delivery of a product ended. */
public enum RedenBeeindiging implements Code {
  OVERLIJDEN("02", "Overlijden"),
  VOLGENS_PLAN("19", "Levering volgens plan beëindigd"),
  TIJDELIJK("20", "Levering is tijdelijk beëindigd"),
  EENZIJDIG_DOOR_CLIENT("21", "Levering is eenzijdig door cliënt beëindigd"),
  EENZIJDIG_DOOR_AANBIEDER("22", "Levering is eenzijdig door aanbieder beëindigd"),
  IN_OVERLEG_VOORTIJDIG("23", "Levering is in overeenstemming voortijdig beëindigd"),
  VERHUIZING("31", "Verhuizing naar een andere gemeente"),
  DOOR_GEMEENTE("36", "Geïnitieerd door de gemeente"),
  WIJZIGINGSVERZOEK("37", "In verband met wijzigingsverzoek"),
  ANDERE_AANBIEDER("38", "Overstap naar andere aanbieder"),
  ANDER_DOMEIN("39", "Uitstroom naar ander domein");

  private final String code;
  private final String omschrijving;

  RedenBeeindiging(String code, String omschrijving) {
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

  /** Reden 20 pauses care: the toewijzing stays and a new start may follow. */
  public boolean isTijdelijk() {
    return this == TIJDELIJK;
  }

  @JsonCreator
  public static RedenBeeindiging of(String code) {
    return Code.parse(RedenBeeindiging.class, code);
  }
}
