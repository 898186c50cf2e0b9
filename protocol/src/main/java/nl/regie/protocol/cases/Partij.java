package nl.regie.protocol.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The parties that must act on a case (DOMAIN.md, "Parties"). */
public enum Partij {
  TOEGANG,
  BACKOFFICE,
  AANBIEDER,
  INWONER;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
