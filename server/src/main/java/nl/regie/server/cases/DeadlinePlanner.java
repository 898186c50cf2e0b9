package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Scope;
import nl.regie.protocol.regeling.DeadlineRule;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Partij;

/**
 * Turns what happened to a case into deadline events, following its regeling's rules: which
 * running deadlines an occurrence meets, which it voids, and which new ones it starts. Pure: the
 * same state and occurrences give the same events.
 *
 * <p>Dates become moments in {@code zone}: a deadline is missed at the start of the day after its
 * due date, a warning goes out at the start of its day, and an escalation at the start of the day
 * after the escalation date.
 */
final class DeadlinePlanner {

  private final Regeling regeling;
  private final ZoneId zone;

  DeadlinePlanner(Regeling regeling, ZoneId zone) {
    this.regeling = regeling;
    this.zone = zone;
  }

  /**
   * Records in {@code change} the deadline events that follow from {@code occurrences}, each
   * judged against the case as the events before it left it.
   */
  void plan(Change change, List<CaseGebeurtenis> occurrences) {
    Instant now = change.context().now();
    for (CaseGebeurtenis o : occurrences) {
      // What an occurrence ends is recorded before what it starts, so that a deadline it voids (the
      // D19 of an old einddatum) can start again from it.
      change.recordAll(ends(change.state(), o, now));
      change.recordAll(starts(change.state(), o, now));
    }
  }

  /** The running deadlines {@code o} meets or voids. */
  private List<CaseEvent> ends(CaseState state, CaseGebeurtenis o, Instant now) {
    List<CaseEvent> events = new ArrayList<>();
    for (Deadline d : state.deadlines()) {
      if (d.voldaanDoor(o)) events.add(new CaseEvent.DeadlineMet(d.id(), !now.isBefore(d.missedAt()), now));
    }
    Gebeurtenis g = o.gebeurtenis();
    if (g.isEinde() || g == Gebeurtenis.CASE_GESTOPT || g == Gebeurtenis.ZORG_GESTOPT) {
      for (Deadline d : state.deadlines()) {
        boolean concerned = g != Gebeurtenis.ZORG_GESTOPT || (d.scope() == Scope.TOEWIJZING && d.key().equals(o.key()));
        if (d.status().isLopend() && concerned && !d.voldaanDoor(o)) {
          events.add(new CaseEvent.DeadlineVervallen(d.id(), reden(g), now));
        }
      }
    }
    if (g == Gebeurtenis.TOEWIJZING_EINDE || g == Gebeurtenis.TOEWIJZING_BEEINDIGD || g == Gebeurtenis.TOEWIJZING_AFGELOPEN) {
      for (Deadline d : state.deadlines()) {
        if (d.status().isLopend() && d.scope() == Scope.TOEWIJZING && d.key().equals(o.key()) && !d.voldaanDoor(o)
            && vervaltBij(d, g, state)) {
          events.add(new CaseEvent.DeadlineVervallen(d.id(), reden(g), now));
        }
      }
    }
    return events;
  }

  /** The deadlines {@code o} starts. */
  private List<CaseEvent> starts(CaseState state, CaseGebeurtenis o, Instant now) {
    List<CaseEvent> events = new ArrayList<>();
    for (DeadlineRule rule : regeling.deadlineRulesFrom(o.gebeurtenis())) {
      if (applies(rule, state, o) && notRunning(state, rule, o)) {
        events.add(new CaseEvent.DeadlineSet(deadline(rule, state, o), now));
      }
    }
    return events;
  }

  /**
   * Whether deadline {@code d} of a toewijzing lapses when {@code g} happens to it. A new einddatum
   * voids what counted from the old one (it is counted again from the new one). A toewijzing that
   * ran out voids what still waited on it, except the wait for the WMO307 of care that still runs.
   */
  private boolean vervaltBij(Deadline d, Gebeurtenis g, CaseState state) {
    if (g == Gebeurtenis.TOEWIJZING_AFGELOPEN) {
      boolean careRuns = state.toewijzing(Long.parseLong(d.key())).map(Toewijzing::isLopend).orElse(false);
      return !(careRuns && d.voldaan().contains(Gebeurtenis.ZORG_GESTOPT));
    }
    return regeling.deadlineRule(d.code()).map(r -> r.start() == Gebeurtenis.TOEWIJZING_EINDE).orElse(false);
  }

  private static String reden(Gebeurtenis g) {
    return switch (g) {
      case INGETROKKEN -> "de melding is ingetrokken";
      case AFGEWEZEN -> "de aanvraag is afgewezen";
      case CASE_GESTOPT -> "de zorg is beëindigd";
      case TOEWIJZING_EINDE, TOEWIJZING_BEEINDIGD -> "de einddatum van de toewijzing is gewijzigd";
      case TOEWIJZING_AFGELOPEN -> "de toewijzing is afgelopen";
      default -> "de toewijzing is beëindigd";
    };
  }

  private static boolean applies(DeadlineRule rule, CaseState state, CaseGebeurtenis o) {
    if (!rule.kanalen().isEmpty()) {
      Kanaal kanaal = state.melding().kanaal();
      if (!rule.kanalen().contains(kanaal)) return false;
    }
    return rule.producten().isEmpty() || (o.product() != null && rule.producten().contains(o.product()));
  }

  /** A rule starts one deadline per part of the case at a time; a new one only once the last has ended. */
  private static boolean notRunning(CaseState state, DeadlineRule rule, CaseGebeurtenis o) {
    return state.deadlines().stream()
        .noneMatch(d -> d.code().equals(rule.code()) && d.key().equals(o.key()) && d.status().isLopend());
  }

  private Deadline deadline(DeadlineRule rule, CaseState state, CaseGebeurtenis o) {
    LocalDate due = rule.termijn().einde(o.datum(), regeling.kalender());
    Instant warnAt = rule.waarschuwing().map(w -> startOf(w.einde(due, regeling.kalender()))).orElse(null);
    Instant missedAt = startOf(due.plusDays(1));
    Instant escalateAt = rule.escalatie().map(e -> startOf(e.einde(due, regeling.kalender()).plusDays(1))).orElse(null);
    return new Deadline(
        id(state, rule, o), rule.code(), null, responsible(rule.responsible(), state, o),
        rule.scope(), o.key(), rule.voldaan(), due, warnAt, missedAt, escalateAt, DeadlineStatus.OPEN, false);
  }

  private static String id(CaseState state, DeadlineRule rule, CaseGebeurtenis o) {
    String base = o.key().isEmpty() ? rule.code() : rule.code() + ":" + o.key();
    long earlier = state.deadlines().stream().filter(d -> d.id().equals(base) || d.id().startsWith(base + "#")).count();
    return earlier == 0 ? base : base + "#" + (earlier + 1);
  }

  private static String responsible(Partij partij, CaseState state, CaseGebeurtenis o) {
    return switch (partij) {
      case AANBIEDER -> Optional.ofNullable(o.aanbieder()).map(agb -> "aanbieder:" + agb).orElse("aanbieder");
      case TOEGANG -> "toegang:" + Optional.ofNullable(o.gemeente()).orElse(state.gemeente());
      case BACKOFFICE -> "backoffice:" + Optional.ofNullable(o.gemeente()).orElse(state.gemeente());
      case INWONER -> "inwoner";
    };
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }
}
