package nl.regie.protocol.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Through whom the melding came in (seed 000: the gemeente, an aanbieder, or Veilig Thuis). */
public enum Kanaal {
  GEMEENTE("gemeente"),
  AANBIEDER("aanbieder"),
  VEILIG_THUIS("veilig-thuis");

  private final String json;

  Kanaal(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }

  @JsonCreator
  public static Kanaal of(String value) {
    return Arrays.stream(values())
        .filter(k -> k.json.equals(value))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("kanaal is one of gemeente, aanbieder, veilig-thuis"));
  }
}
