package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Code list COD260. */
public enum JaNee implements Code {
  JA("1", "Ja"),
  NEE("2", "Nee");

  private final String code;
  private final String omschrijving;

  JaNee(String code, String omschrijving) {
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
  public static JaNee of(String code) {
    return Code.parse(JaNee.class, code);
  }
}
