package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list WJ759: why the gemeente rejects a verzoek. */
public enum RedenAfwijzingVerzoek implements Code {
  NIEUWE_AANVRAAG("1", "Geen wijziging, maar nieuwe aanvraag"),
  BUDGET("2", "Past niet binnen budget"),
  GEEN_CONTRACT("3", "Geen contract"),
  BUITEN_CONTRACT("4", "Past niet binnen contract"),
  ANDERE_GEMEENTE("5", "Andere gemeente"),
  STAPELING("6", "Stapeling"),
  ZORGINHOUDELIJK("7", "Zorginhoudelijke afkeur"),
  WOONPLAATSBEGINSEL("8", "Woonplaatsbeginsel"),
  LEEFTIJDSGRENS("9", "Leeftijdsgrens is bereikt");

  private final String code;
  private final String omschrijving;

  RedenAfwijzingVerzoek(String code, String omschrijving) {
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
  public static RedenAfwijzingVerzoek of(String code) {
    return Code.parse(RedenAfwijzingVerzoek.class, code);
  }
}
