package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Code list NUM061: how an address without the usual street and number is indicated. */
public enum AanduidingWoonadres implements Code {
  AAN_BOORD("AB", "Aan boord"),
  BIJ("BY", "Bij"),
  TEGENOVER("TO", "Tegenover"),
  WOONWAGEN("WW", "Woonwagen");

  private final String code;
  private final String omschrijving;

  AanduidingWoonadres(String code, String omschrijving) {
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
  public static AanduidingWoonadres of(String code) {
    return Code.parse(AanduidingWoonadres.class, code);
  }
}
