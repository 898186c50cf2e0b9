package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list COD757: what kind of address a contact is. */
public enum Soortadres implements Code {
  BRP_ADRES("01", "BRP-adres"),
  CORRESPONDENTIEADRES("02", "Correspondentie-adres"),
  VERBLIJFADRES("03", "Verblijfadres"),
  TIJDELIJK_VERBLIJFADRES("04", "Tijdelijk verblijfadres");

  private final String code;
  private final String omschrijving;

  Soortadres(String code, String omschrijving) {
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
  public static Soortadres of(String code) {
    return Code.parse(Soortadres.class, code);
  }
}
