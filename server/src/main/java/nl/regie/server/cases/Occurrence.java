package nl.regie.server.cases;

import java.time.LocalDate;
import nl.regie.protocol.regeling.Gebeurtenis;

/**
 * A {@link Gebeurtenis} as it happened in one case: about which aanbieder or toewijzing ({@code
 * key}, empty for the whole case), the date a deadline it starts counts from, and the product of
 * the toewijzing it concerns (if any).
 */
record Occurrence(Gebeurtenis gebeurtenis, String key, LocalDate datum, String product, String aanbieder) {

  static Occurrence ofCase(Gebeurtenis gebeurtenis, LocalDate datum) {
    return new Occurrence(gebeurtenis, "", datum, null, null);
  }

  static Occurrence ofAanbieder(Gebeurtenis gebeurtenis, String agb, LocalDate datum) {
    return new Occurrence(gebeurtenis, agb, datum, null, agb);
  }

  static Occurrence ofToewijzing(Gebeurtenis gebeurtenis, Toewijzing toewijzing, LocalDate datum) {
    return new Occurrence(gebeurtenis, String.valueOf(toewijzing.nummer()), datum, toewijzing.product(), toewijzing.aanbieder());
  }
}
