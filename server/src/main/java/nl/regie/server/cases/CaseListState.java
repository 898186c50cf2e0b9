package nl.regie.server.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.CaseList;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.server.access.Access;

/**
 * What the case list makes of a case's state: its row, its stream entries, and the state its
 * projection keeps in memory ({@link CaseListFolds}): without its history and with the cliënt's BSN
 * masked. The fold ({@link CaseState#apply}) reads neither (only deciders read the BSN, and the
 * list runs none), so the kept state folds on exactly like the real one;
 * CaseListProjectionHandlerTest checks that it does.
 */
public final class CaseListState {

  private CaseListState() {}

  /**
   * What the list keeps of {@code state}: all of it but its history, which only the case view
   * renders and the fold only appends to (a case's history would make each row rewrite every event
   * the case ever had), and with the cliënt's BSN masked.
   */
  public static CaseState kept(CaseState state) {
    CaseState.Melding m = state.melding();
    CaseState.Melding melding = m == null ? null
        : new CaseState.Melding(Access.masked(m.bsn()), m.gemeente(), m.regeling(), m.kanaal(), m.meldingOp(), m.client());
    return new CaseState(state.caseId(), state.fase(), state.gemeente(), melding, state.voortgang(), state.toewijzingen(),
        state.deadlines(), state.berichtklassen(), state.declaraties(), state.verzoeken(), List.of(), state.version(),
        state.overleden(), state.verhuizingen());
  }

  /**
   * The list's row of {@code state}, whose last applied event is {@code version}, which happened
   * at {@code updatedAt}.
   */
  public static CaseList.Row row(CaseState state, long version, Instant updatedAt) {
    CaseState.Melding melding = state.melding();
    return new CaseList.Row(state.caseId(), state.gemeente(), state.fase(), state.aanZet().orElse(null),
        melding == null ? null : Access.masked(melding.bsn()), melding == null ? null : melding.meldingOp(), updatedAt,
        count(state, DeadlineStatus.OPEN), missed(state), next(state), version);
  }

  /**
   * The running deadline (open, missed or escalated) due first, the first by id among those due on
   * the same day; null when none runs. The work queue orders by it.
   */
  static CaseList.NextDeadline next(CaseState state) {
    return state.deadlines().stream()
        .filter(d -> d.status().isLopend() && d.due() != null)
        .min(Comparator.comparing(Deadline::due).thenComparing(Deadline::id))
        .map(d -> new CaseList.NextDeadline(d.id(), d.due(), d.code(), d.responsible(), d.status()))
        .orElse(null);
  }

  /**
   * The row after alert {@code e}, the case's event {@code version}, from the row alone; null when
   * the row cannot tell (it names no next deadline by id, being written before the list kept ids;
   * or it counts no open deadline for a miss). What {@link CaseState#apply} does with an alert:
   * a miss moves an open deadline to missed, an escalation a missed one to escalated, a warning
   * only marks it warned ({@link DeadlineTimeline} raises nothing else). All three keep it
   * running with its due date, so the running deadlines stay the same and with them the next one;
   * only the counts and the next one's status can change. CaseListProjectionHandlerTest checks
   * this row against the fold's.
   */
  static CaseList.Row afterAlert(CaseList.Row row, CaseEvent.DeadlineAlerted e, long version) {
    CaseList.NextDeadline next = row.next();
    if (next == null || next.id() == null) return null;
    int open = row.openDeadlines();
    int missed = row.missedDeadlines();
    DeadlineStatus status = switch (e.level()) {
      case WARNING -> null;
      case MISSED -> DeadlineStatus.MISSED;
      case ESCALATED -> DeadlineStatus.ESCALATED;
    };
    if (status == DeadlineStatus.MISSED) {
      if (open == 0) return null;
      open--;
      missed++;
    }
    CaseList.NextDeadline after = status != null && next.id().equals(e.deadlineId())
        ? new CaseList.NextDeadline(next.id(), next.due(), next.code(), next.responsible(), status)
        : next;
    return new CaseList.Row(row.caseId(), row.gemeente(), row.fase(), row.aanZet(), row.bsnMasked(), row.meldingOp(), e.at(),
        open, missed, after, version);
  }

  /** The case stream's entry for {@code cause}, the case's row {@code row} after it, its aanbieders {@code aanbieders}. */
  static CaseChanges.NewChange change(CaseList.Row row, Set<String> aanbieders, CaseEvent cause) {
    return new CaseChanges.NewChange(row.caseId(), row.gemeente(), row.fase(), row.aanZet(), cause.getClass().getSimpleName(),
        row.version(), cause.at(), row.openDeadlines(), row.missedDeadlines(), aanbieders);
  }

  static int count(CaseState state, DeadlineStatus status) {
    return (int) state.deadlines().stream().filter(d -> d.status() == status).count();
  }

  /** Running deadlines past due: missed, or missed and escalated. */
  static int missed(CaseState state) {
    return count(state, DeadlineStatus.MISSED) + count(state, DeadlineStatus.ESCALATED);
  }

  /** The case stream's entry for {@code event}, the case's event number {@code version}: where the case stands after it. */
  public static CaseChanges.NewChange change(CaseState state, long version, CaseEvent event) {
    return change(row(state, version, event.at()), aanbieders(state), event);
  }

  /** Every aanbieder with a toewijzing or a verzoek on the case, whatever became of it. */
  static Set<String> aanbieders(CaseState s) {
    return Stream.concat(s.toewijzingen().stream().map(Toewijzing::aanbieder), s.verzoeken().stream().map(Verzoek::aanbieder))
        .filter(Objects::nonNull)
        .collect(TreeSet::new, Set::add, Set::addAll);
  }
}
