package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list WJ756: the unit in which an omvang is expressed. */
public enum Eenheid implements Code {
  MINUUT("01", "Minuut"),
  UUR("04", "Uur"),
  ETMAAL("14", "Etmaal"),
  DAGDEEL("16", "Dagdeel (4 uur)"),
  STUKS_OUTPUT("82", "Stuks (output)"),
  EUROS("83", "Euro's"),
  STUKS_INSPANNING("84", "Stuks (inspanning)");

  private final String code;
  private final String omschrijving;

  Eenheid(String code, String omschrijving) {
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
  public static Eenheid of(String code) {
    return Code.parse(Eenheid.class, code);
  }
}
