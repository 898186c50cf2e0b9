package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list WJ760: the gemeente's answer to a verzoek (WMO319). */
public enum VerzoekAntwoord implements Code {
  VERZOEK_AFGEWEZEN("1", "Verzoek afgewezen"),
  AANVRAAG_IN_ONDERZOEK("2", "Aanvraag in onderzoek");

  private final String code;
  private final String omschrijving;

  VerzoekAntwoord(String code, String omschrijving) {
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
  public static VerzoekAntwoord of(String code) {
    return Code.parse(VerzoekAntwoord.class, code);
  }
}
