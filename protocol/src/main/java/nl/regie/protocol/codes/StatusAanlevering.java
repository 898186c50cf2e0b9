package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * iWmo code list COD467: the status of the information in a berichtklasse (start and stop products).
 * iWmo forbids 2 (OP033x2) and 9 in 305/307 (CS058); they are on the list, so the rules reject them.
 */
public enum StatusAanlevering implements Code {
  EERSTE_AANLEVERING("1", "Eerste aanlevering"),
  GEWIJZIGDE_AANLEVERING("2", "Gewijzigde aanlevering"),
  VERWIJDEREN_AANLEVERING("3", "Verwijderen aanlevering"),
  NIET_VAN_TOEPASSING("9", "Niet van toepassing (ongewijzigd)");

  private final String code;
  private final String omschrijving;

  StatusAanlevering(String code, String omschrijving) {
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
  public static StatusAanlevering of(String code) {
    return Code.parse(StatusAanlevering.class, code);
  }
}
