package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list WJ758: why an aanbieder sends a verzoek om wijziging. */
public enum RedenVerzoek implements Code {
  VERANDERING_CLIENTSITUATIE("1", "Verandering clientsituatie"),
  WIJZIGING_ZORGPLAN("2", "Wijziging zorgplan");

  private final String code;
  private final String omschrijving;

  RedenVerzoek(String code, String omschrijving) {
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
  public static RedenVerzoek of(String code) {
    return Code.parse(RedenVerzoek.class, code);
  }
}
