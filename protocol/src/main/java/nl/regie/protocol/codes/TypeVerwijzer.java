package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list COD327 (LDT_TypeVerwijzer): who referred the cliënt. */
public enum TypeVerwijzer implements Code {
  GEMEENTE("01", "Gemeente"),
  HUISARTS("02", "Huisarts"),
  JEUGDARTS("03", "Jeugdarts"),
  GECERTIFICEERDE_INSTELLING("04", "Gecertificeerde instelling"),
  MEDISCH_SPECIALIST("05", "Medisch specialist"),
  ZELFVERWIJZER("06", "Zelfverwijzer / geen verwijzer"),
  JUSTITIE("08", "Rechter, Officier van Justitie, functionaris Justitiële jeugdinrichting");

  private final String code;
  private final String omschrijving;

  TypeVerwijzer(String code, String omschrijving) {
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
  public static TypeVerwijzer of(String code) {
    return Code.parse(TypeVerwijzer.class, code);
  }
}
