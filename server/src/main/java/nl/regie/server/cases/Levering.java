package nl.regie.server.cases;

import java.time.LocalDate;
import nl.regie.protocol.codes.RedenBeeindiging;

/**
 * One delivery of care under a toewijzing: a start (WMO305) and, once it ended, its stop (WMO307).
 * Its key is the begindatum; a delivery withdrawn with StatusAanlevering 3 stays, marked {@code
 * verwijderd}, so that the case remembers what it received.
 */
public record Levering(LocalDate begindatum, LocalDate einddatum, RedenBeeindiging reden, boolean verwijderd) {

  static Levering start(LocalDate begindatum) {
    return new Levering(begindatum, null, null, false);
  }

  boolean isLopend() {
    return !verwijderd && einddatum == null;
  }

  Levering gestopt(LocalDate eind, RedenBeeindiging redenStop) {
    return new Levering(begindatum, eind, redenStop, verwijderd);
  }

  Levering heropend() {
    return new Levering(begindatum, null, null, verwijderd);
  }

  Levering verwijderdNu() {
    return new Levering(begindatum, einddatum, reden, true);
  }
}
