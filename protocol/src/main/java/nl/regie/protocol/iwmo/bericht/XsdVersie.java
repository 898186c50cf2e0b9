package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * CDT_XsdVersie: the versions of the Basisschema and bericht schema a message was made with
 * (IV034). Every iWmo 3.2 schema Regie carries, the derived retour schemas included, is 1.0.0.
 */
public record XsdVersie(String basisschemaXsdVersie, String berichtXsdVersie) {

  /** LDT_Versie: three numbers without leading zeros, such as {@code 1.0.0}. */
  private static final Pattern LDT_VERSIE = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");

  /** The versions in the appinfo of Regie's iWmo 3.2 schemas (after the pattern, which it needs). */
  public static final XsdVersie IWMO_3_2 = new XsdVersie("1.0.0", "1.0.0");

  public XsdVersie {
    versie(basisschemaXsdVersie, "basisschemaXsdVersie");
    versie(berichtXsdVersie, "berichtXsdVersie");
  }

  private static void versie(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!LDT_VERSIE.matcher(value).matches()) {
      throw new IllegalArgumentException(field + ": a version such as 1.0.0 (LDT_Versie), not '" + value + "'");
    }
  }
}
