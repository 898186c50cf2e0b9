package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list WJ232: the cliënt's legal situation at the time of assessment. */
public enum JuridischeStatus implements Code {
  RM_VOORLOPIG_VOORTGEZET("01", "Rechterlijke machtiging (rm) voorlopig / voortgezette machtiging"),
  RM_EIGEN_VERZOEK("02", "RM op eigen verzoek"),
  RM_VOORWAARDELIJK_ONTSLAG("03", "RM met voorwaardelijk ontslag"),
  ONDERTOEZICHTSTELLING("04", "Onder toezichtstelling (ots)"),
  INBEWARINGSTELLING("05", "In bewaring stelling (ibs)"),
  STRAFRECHTELIJK_TBS("11", "Strafrechterlijke justitiële contacten (tbs)"),
  STRAFRECHTELIJK_OVERIG("12", "Strafrechterlijke justitiële contacten (overig)");

  private final String code;
  private final String omschrijving;

  JuridischeStatus(String code, String omschrijving) {
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
  public static JuridischeStatus of(String code) {
    return Code.parse(JuridischeStatus.class, code);
  }
}
