package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list WJ003: the cliënt's legal representation at the time of assessment. */
public enum WettelijkeVertegenwoordiging implements Code {
  VOOGDIJ("06", "Voogdij"),
  BEWINDVOERING("07", "Bewindvoering"),
  MENTORSCHAP("08", "Mentorschap"),
  ONDER_CURATELE("09", "Onder curatele stelling"),
  ZAAKWAARNEMING("10", "Zaakwaarneming");

  private final String code;
  private final String omschrijving;

  WettelijkeVertegenwoordiging(String code, String omschrijving) {
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
  public static WettelijkeVertegenwoordiging of(String code) {
    return Code.parse(WettelijkeVertegenwoordiging.class, code);
  }
}
