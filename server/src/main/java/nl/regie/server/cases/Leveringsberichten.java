package nl.regie.server.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.server.cases.CaseCommand.StartMelden;
import nl.regie.server.cases.CaseCommand.StopMelden;

/**
 * Judges the start and stop klassen of WMO305 and WMO307 against what the case knows: the rules
 * that need earlier berichten (TR019, TR063, TR071, TR074, TR326), and the effect when they pass.
 * Pure. A start or stop is keyed by toewijzingnummer and begindatum (OP072: a stop copies the key
 * of the start it ends).
 */
final class Leveringsberichten {

  /** The retourcodes of one klasse and what it changes (nothing when it is rejected). */
  record Uitkomst(List<Retourcode> retourcodes, List<CaseEvent> effect) {
    static Uitkomst afgekeurd(Retourcode code) {
      return new Uitkomst(List.of(code), List.of());
    }

    static Uitkomst goed(CaseEvent effect) {
      return new Uitkomst(List.of(Retourcode.R0200), List.of(effect));
    }
  }

  private Leveringsberichten() {}

  static Uitkomst start(CaseState state, StartMelden c, Instant now) {
    Optional<Toewijzing> found = gekoppeld(state, c.toewijzingNummer(), c.aanbieder(), c.bsn(), c.productcode());
    if (found.isEmpty()) return Uitkomst.afgekeurd(Retourcode.R9019);
    Toewijzing t = found.get();
    Optional<Levering> same = t.levering(c.begindatum());
    if (c.verwijderen()) {
      if (same.isEmpty()) return Uitkomst.afgekeurd(Retourcode.R9063);
      if (same.get().einddatum() != null) return Uitkomst.afgekeurd(Retourcode.R9071);
      return Uitkomst.goed(new CaseEvent.StartVerwijderd(t.nummer(), c.begindatum(), c.berichtId(), now));
    }
    if (same.isPresent()) return Uitkomst.afgekeurd(Retourcode.R9074);
    if (t.leveringen().stream().anyMatch(Levering::isLopend)) return Uitkomst.afgekeurd(Retourcode.R9326);
    if (!t.covers(c.begindatum())) return Uitkomst.afgekeurd(Retourcode.R9019);
    return Uitkomst.goed(new CaseEvent.ZorgGestart(t.nummer(), c.begindatum(), c.berichtId(), now));
  }

  static Uitkomst stop(CaseState state, StopMelden c, Instant now) {
    Optional<Toewijzing> found = gekoppeld(state, c.toewijzingNummer(), c.aanbieder(), c.bsn(), c.productcode());
    if (found.isEmpty()) return Uitkomst.afgekeurd(Retourcode.R9019);
    Toewijzing t = found.get();
    Optional<Levering> start = t.levering(c.begindatum());
    if (c.verwijderen()) {
      if (start.isEmpty() || start.get().einddatum() == null) return Uitkomst.afgekeurd(Retourcode.R9063);
      return Uitkomst.goed(new CaseEvent.StopVerwijderd(t.nummer(), c.begindatum(), c.berichtId(), now));
    }
    if (start.isEmpty()) return Uitkomst.afgekeurd(Retourcode.R9019);
    if (start.get().einddatum() != null) return Uitkomst.afgekeurd(Retourcode.R9074);
    return Uitkomst.goed(new CaseEvent.ZorgGestopt(t.nummer(), c.einddatum(), c.reden(), c.berichtId(), now));
  }

  /**
   * The toewijzing a start or stop is about, when it links (TR019): the number is one of this
   * case's, for this aanbieder and cliënt, and for the same product (a category-only product
   * matches its category).
   */
  private static Optional<Toewijzing> gekoppeld(CaseState state, long nummer, String aanbieder, String bsn, String productcode) {
    if (state.melding() == null || !state.melding().bsn().equals(bsn)) return Optional.empty();
    return state.toewijzing(nummer)
        .filter(t -> t.aanbieder().equals(aanbieder))
        .filter(t -> productcode == null || t.product().equals(productcode) || t.product().startsWith(productcode));
  }
}
