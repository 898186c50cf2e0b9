package nl.regie.server.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.server.cases.CaseCommand.StartMelden;
import nl.regie.server.cases.CaseCommand.StopMelden;
import nl.regie.server.cases.CaseCommand.ZorgStarten;
import nl.regie.server.cases.CaseCommand.ZorgStoppen;

/**
 * Care under a toewijzing starts and stops by one set of rules, whether the aanbieder reports it in
 * a WMO305 or WMO307 or someone reports it over HTTP ({@code zorg-gestart}, {@code zorg-gestopt}):
 * the rules of iWmo 3.2 that need earlier berichten. A refusal carries the retourcode iWmo gives it
 * and how HTTP answers it.
 *
 * <ul>
 *   <li>A start: not a second one with the same begindatum (TR074, 9074), not while a delivery
 *       runs nor on a date before the last one ended (TR326, 9326), within the toewijzing's period
 *       (9019). After any stop a new start may follow (TR326), after a definitive one too.
 *   <li>A stop ends the delivery that runs, or the one paused last: after a stop with reden 20
 *       (tijdelijk) a definitive stop may follow, not on an earlier date (TR414, 9414), but not a
 *       second reden 20 (TR413, 9413); after a definitive stop nothing more (TR415, 9415).
 *   <li>A delivery is withdrawn (StatusAanlevering 3, iWmo only) when it was received (TR063,
 *       9063), a start only while it has not stopped (TR071, 9071).
 * </ul>
 *
 * A start or stop is keyed by toewijzingnummer and begindatum (OP072: a stop copies the key of the
 * start it ends); over HTTP the key is the delivery that counts now.
 */
final class Leveringen {

  /** Why a start or stop cannot be taken: the retourcode in iWmo, the answer over HTTP. */
  record Weigering(Retourcode retourcode, CaseReply.Refusal refusal, String detail) {

    static Weigering conflict(Retourcode code, String detail) {
      return new Weigering(code, CaseReply.Refusal.CONFLICT, detail);
    }

    static Weigering invalid(Retourcode code, String detail) {
      return new Weigering(code, CaseReply.Refusal.INVALID, detail);
    }

    CaseReply reply() {
      return new CaseReply.Rejected(refusal, detail, refusal == CaseReply.Refusal.INVALID ? List.of(detail) : List.of());
    }
  }

  private Leveringen() {}

  /** The rule for a start of care on {@code begindatum} under {@code t}. */
  static Optional<Weigering> start(Toewijzing t, LocalDate begindatum) {
    if (t.levering(begindatum).isPresent()) {
      return Optional.of(Weigering.conflict(Retourcode.R9074,
          "a start of care on " + begindatum + " under toewijzing " + t.nummer() + " was received already"));
    }
    Optional<Levering> running = t.leveringen().stream().filter(Levering::isLopend).findFirst();
    if (running.isPresent()) {
      return Optional.of(Weigering.conflict(Retourcode.R9326,
          "care under toewijzing " + t.nummer() + " started already on " + running.get().begindatum() + " and has not stopped"));
    }
    // TR326 in time: on a begindatum before the last delivery ended, that delivery was still current.
    Optional<LocalDate> ended = t.laatste().map(Levering::einddatum);
    if (ended.isPresent() && begindatum.isBefore(ended.get())) {
      return Optional.of(Weigering.invalid(Retourcode.R9326, "begindatum: must not be before the last delivery ended (" + ended.get() + ")"));
    }
    if (!t.covers(begindatum)) {
      return Optional.of(Weigering.invalid(Retourcode.R9019, "begindatum: " + begindatum + " is outside the toewijzing ("
          + t.ingangsdatum() + " to " + (t.einddatum() == null ? "open end" : t.einddatum()) + ")"));
    }
    return Optional.empty();
  }

  /** The rule for a stop of the delivery {@code target} (empty: none was started) on {@code einddatum}. */
  static Optional<Weigering> stop(Toewijzing t, Optional<Levering> target, LocalDate einddatum, RedenBeeindiging reden) {
    if (target.isEmpty()) {
      return Optional.of(Weigering.conflict(Retourcode.R9019, "care under toewijzing " + t.nummer() + " has not started"));
    }
    Levering l = target.get();
    if (l.einddatum() != null && !l.reden().isTijdelijk()) {
      return Optional.of(Weigering.conflict(Retourcode.R9415, "toewijzing " + t.nummer() + " has stopped already on " + l.einddatum()));
    }
    if (l.einddatum() != null && reden.isTijdelijk()) {
      return Optional.of(Weigering.conflict(Retourcode.R9413,
          "toewijzing " + t.nummer() + " is interrupted already: only a new start or a definitive stop may follow"));
    }
    if (l.einddatum() != null && einddatum.isBefore(l.einddatum())) {
      return Optional.of(Weigering.invalid(Retourcode.R9414, "einddatum: must not be before the interruption (" + l.einddatum() + ")"));
    }
    if (einddatum.isBefore(l.begindatum())) {
      // Through iWmo a klasse whose end lies before its own begin is refused before it gets here (CS003).
      return Optional.of(Weigering.invalid(Retourcode.R0001, "einddatum: must not be before the begindatum (" + l.begindatum() + ")"));
    }
    return Optional.empty();
  }

  // --- over HTTP ---

  static Decision zorgStarten(CaseState state, ZorgStarten c, DecisionContext context) {
    Optional<Toewijzing> found = state.toewijzing(c.toewijzingNummer());
    if (found.isEmpty()) return notAToewijzing(state, c.toewijzingNummer());
    Optional<Weigering> weigering = start(found.get(), c.begindatum());
    if (weigering.isPresent()) return Decision.answer(state, weigering.get().reply());
    return new Change(state, context).record(new CaseEvent.ZorgGestart(c.toewijzingNummer(), c.begindatum(), null, context.now())).decide();
  }

  static Decision zorgStoppen(CaseState state, ZorgStoppen c, DecisionContext context) {
    Optional<Toewijzing> found = state.toewijzing(c.toewijzingNummer());
    if (found.isEmpty()) return notAToewijzing(state, c.toewijzingNummer());
    Optional<Weigering> weigering = stop(found.get(), huidige(found.get()), c.einddatum(), c.reden());
    if (weigering.isPresent()) return Decision.answer(state, weigering.get().reply());
    return new Change(state, context)
        .record(new CaseEvent.ZorgGestopt(c.toewijzingNummer(), c.einddatum(), c.reden(), null, context.now())).decide();
  }

  private static Decision notAToewijzing(CaseState state, long nummer) {
    return Decision.invalid(state, "toewijzingNummer: " + nummer + " is not a toewijzing of this case");
  }

  // --- in iWmo berichten ---

  static Decision startMelden(CaseState state, StartMelden c, DecisionContext context) {
    return Berichtklassen.judgeOnce(state, c.berichtRef(), c.berichtId(), "WMO305", context, () -> {
      Optional<Toewijzing> found = gekoppeld(state, c.toewijzingNummer(), c.aanbieder(), c.bsn(), c.productcode());
      if (found.isEmpty()) return Berichtklassen.Oordeel.afgekeurd(Retourcode.R9019);
      Toewijzing t = found.get();
      if (c.verwijderen()) {
        Optional<Levering> same = t.levering(c.begindatum());
        if (same.isEmpty()) return Berichtklassen.Oordeel.afgekeurd(Retourcode.R9063);
        if (same.get().einddatum() != null) return Berichtklassen.Oordeel.afgekeurd(Retourcode.R9071);
        return Berichtklassen.Oordeel.goed(new CaseEvent.StartVerwijderd(t.nummer(), c.begindatum(), c.berichtId(), context.now()));
      }
      return start(t, c.begindatum())
          .map(w -> Berichtklassen.Oordeel.afgekeurd(w.retourcode()))
          .orElseGet(() -> Berichtklassen.Oordeel.goed(new CaseEvent.ZorgGestart(t.nummer(), c.begindatum(), c.berichtId(), context.now())));
    });
  }

  static Decision stopMelden(CaseState state, StopMelden c, DecisionContext context) {
    return Berichtklassen.judgeOnce(state, c.berichtRef(), c.berichtId(), "WMO307", context, () -> {
      Optional<Toewijzing> found = gekoppeld(state, c.toewijzingNummer(), c.aanbieder(), c.bsn(), c.productcode());
      if (found.isEmpty()) return Berichtklassen.Oordeel.afgekeurd(Retourcode.R9019);
      Toewijzing t = found.get();
      Optional<Levering> start = t.levering(c.begindatum());
      if (c.verwijderen()) {
        if (start.isEmpty() || start.get().einddatum() == null) return Berichtklassen.Oordeel.afgekeurd(Retourcode.R9063);
        return Berichtklassen.Oordeel.goed(new CaseEvent.StopVerwijderd(t.nummer(), c.begindatum(), c.berichtId(), context.now()));
      }
      // A stop ends the delivery that counts now; one that names another start cannot be linked.
      if (start.isEmpty() || !start.equals(huidige(t))) return Berichtklassen.Oordeel.afgekeurd(Retourcode.R9019);
      return stop(t, start, c.einddatum(), c.reden())
          .map(w -> Berichtklassen.Oordeel.afgekeurd(w.retourcode()))
          .orElseGet(() -> Berichtklassen.Oordeel.goed(
              new CaseEvent.ZorgGestopt(t.nummer(), c.einddatum(), c.reden(), c.berichtId(), context.now())));
    });
  }

  /** The delivery a stop ends: the one that runs, else the last one (which may be paused). */
  private static Optional<Levering> huidige(Toewijzing t) {
    Optional<Levering> running = t.leveringen().stream().filter(Levering::isLopend).findFirst();
    return running.isPresent() ? running : t.laatste();
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
