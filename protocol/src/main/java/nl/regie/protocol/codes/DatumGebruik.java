package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list COD170: which part of a (birth) date is unknown. */
public enum DatumGebruik implements Code {
  DAG_ONBEKEND("1", "Dag onbekend (alleen maand en jaar gebruiken)"),
  DAG_EN_MAAND_ONBEKEND("2", "Dag en maand onbekend (alleen jaar gebruiken)"),
  DATUM_ONBEKEND("3", "Dag, maand en jaar onbekend (onbekende datum)");

  private final String code;
  private final String omschrijving;

  DatumGebruik(String code, String omschrijving) {
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
  public static DatumGebruik of(String code) {
    return Code.parse(DatumGebruik.class, code);
  }
}
