package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list COD747: the special form of communication a cliënt needs. */
public enum Communicatievorm implements Code {
  TOLK_TAAL("1", "Tolk taal"),
  DOVENTOLK("2", "Doventolk"),
  DOOFBLINDENTOLK("3", "Doofblindentolk");

  private final String code;
  private final String omschrijving;

  Communicatievorm(String code, String omschrijving) {
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
  public static Communicatievorm of(String code) {
    return Code.parse(Communicatievorm.class, code);
  }
}
