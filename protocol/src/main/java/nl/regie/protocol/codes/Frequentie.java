package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list WMO757: how often the omvang of a toewijzing is delivered. */
public enum Frequentie implements Code {
  PER_DAG("1", "Per dag"),
  PER_WEEK("2", "Per week"),
  PER_MAAND("4", "Per maand"),
  TOTAAL_BINNEN_GELDIGHEIDSDUUR("6", "Totaal binnen geldigheidsduur toewijzing");

  private final String code;
  private final String omschrijving;

  Frequentie(String code, String omschrijving) {
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
  public static Frequentie of(String code) {
    return Code.parse(Frequentie.class, code);
  }
}
