package nl.regie.server.cases;

import java.time.LocalDate;
import nl.regie.protocol.regeling.Gebeurtenis;

/**
 * A {@link Gebeurtenis} as it happened in one case: about which aanbieder or toewijzing ({@code
 * key}, empty for the whole case), the date a deadline it starts counts from, and the product of
 * the toewijzing it concerns (if any), and the gemeente whose toegang or backoffice must act on a
 * deadline it starts, when that is not the case's own (the ontvangende gemeente of a verhuizing).
 */
record CaseGebeurtenis(Gebeurtenis gebeurtenis, String key, LocalDate datum, String product, String aanbieder, String gemeente) {

  static CaseGebeurtenis ofCase(Gebeurtenis gebeurtenis, LocalDate datum) {
    return new CaseGebeurtenis(gebeurtenis, "", datum, null, null, null);
  }

  static CaseGebeurtenis ofAanbieder(Gebeurtenis gebeurtenis, String agb, LocalDate datum) {
    return new CaseGebeurtenis(gebeurtenis, agb, datum, null, agb, null);
  }

  static CaseGebeurtenis ofToewijzing(Gebeurtenis gebeurtenis, Toewijzing toewijzing, LocalDate datum) {
    return new CaseGebeurtenis(gebeurtenis, String.valueOf(toewijzing.nummer()), datum, toewijzing.product(), toewijzing.aanbieder(),
        null);
  }

  /** The same, for a deadline that {@code gemeente}'s toegang or backoffice must meet. */
  CaseGebeurtenis voorGemeente(String other) {
    return new CaseGebeurtenis(gebeurtenis, key, datum, product, aanbieder, other);
  }
}
