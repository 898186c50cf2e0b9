package nl.regie.protocol.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * How a verzoek names a product: asked for in a WMO315 (AangevraagdProduct), or in a WMO317 a
 * current toewijzing kept or changed, or a new product.
 */
public enum VerzoekProductSoort {
  AANGEVRAAGD("aangevraagd"),
  ONGEWIJZIGD("ongewijzigd"),
  TE_WIJZIGEN("te-wijzigen"),
  NIEUW("nieuw");

  private final String json;

  VerzoekProductSoort(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }

  @JsonCreator
  public static VerzoekProductSoort of(String value) {
    return Arrays.stream(values()).filter(s -> s.json.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a verzoek product soort: " + value));
  }
}
