package nl.regie.protocol.aanbieder;

import java.time.LocalDate;

/**
 * An aanbieder that delivers part of a hoofdaanbieder's care with the centrumgemeente's written
 * consent (004 §2.2). It is not itself admitted: it gets no toewijzing and sends no berichten.
 *
 * @param van the first day of the consent; null: since before the register
 * @param tot the last day of the consent; null: until further notice
 */
public record Onderaannemer(String agb, String naam, LocalDate van, LocalDate tot) {

  /** Whether the consent covers {@code dag}. */
  public boolean toestemmingOp(LocalDate dag) {
    return (van == null || !dag.isBefore(van)) && (tot == null || !dag.isAfter(tot));
  }

  /** "with consent from 2023-01-01 to 2024-12-31", or less when a bound is open. */
  public String toestemming() {
    if (van == null && tot == null) return "with consent";
    return "with consent" + (van == null ? "" : " from " + van) + (tot == null ? "" : " to " + tot);
  }
}
