package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Code list COD043: whether an amount is debet or credit. */
public enum DebetCredit implements Code {
  CREDIT("C", "Creditbedrag en aantal"),
  DEBET("D", "Debetbedrag en aantal");

  private final String code;
  private final String omschrijving;

  DebetCredit(String code, String omschrijving) {
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
  public static DebetCredit of(String code) {
    return Code.parse(DebetCredit.class, code);
  }
}
