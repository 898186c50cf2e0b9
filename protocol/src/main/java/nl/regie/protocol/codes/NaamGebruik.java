package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list COD700: which names a person goes by. */
public enum NaamGebruik implements Code {
  EIGEN_NAAM("1", "Eigen naam"),
  NAAM_PARTNER("2", "Naam echtgenoot of geregistreerd partner of alternatieve naam"),
  NAAM_PARTNER_EIGEN_NAAM("3", "Naam echtgenoot of geregistreerd partner gevolgd door eigen naam"),
  EIGEN_NAAM_NAAM_PARTNER("4", "Eigen naam gevolgd door naam echtgenoot of geregistreerd partner"),
  PSEUDONIEM("5", "Pseudoniem"),
  NIET_NATUURLIJK_PERSOON("6", "Niet-natuurlijk persoon");

  private final String code;
  private final String omschrijving;

  NaamGebruik(String code, String omschrijving) {
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
  public static NaamGebruik of(String code) {
    return Code.parse(NaamGebruik.class, code);
  }
}
