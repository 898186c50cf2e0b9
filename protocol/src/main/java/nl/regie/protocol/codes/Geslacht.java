package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list COD046. */
public enum Geslacht implements Code {
  ONBEKEND("0", "Onbekend"),
  MANNELIJK("1", "Mannelijk"),
  VROUWELIJK("2", "Vrouwelijk");

  private final String code;
  private final String omschrijving;

  Geslacht(String code, String omschrijving) {
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
  public static Geslacht of(String code) {
    return Code.parse(Geslacht.class, code);
  }
}
