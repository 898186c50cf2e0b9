package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A burgerservicenummer: nine digits that pass the elfproef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a
 * multiple of 11). An instance is always valid.
 */
public record Bsn(String value) {

  public Bsn {
    if (!isValid(value)) {
      throw new IllegalArgumentException("'" + value + "' is not a valid BSN (nine digits, elfproef)");
    }
  }

  @JsonCreator
  public static Bsn of(String value) {
    return new Bsn(value);
  }

  @JsonValue
  public String value() {
    return value;
  }

  public static boolean isValid(String candidate) {
    if (candidate == null || !candidate.matches("\\d{9}")) return false;
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (9 - i) * (candidate.charAt(i) - '0');
    }
    sum -= candidate.charAt(8) - '0';
    return sum % 11 == 0 && !candidate.equals("000000000");
  }

  @Override
  public String toString() {
    return value;
  }
}
