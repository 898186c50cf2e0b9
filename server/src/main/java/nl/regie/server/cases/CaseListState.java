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
        .map(d -> new CaseList.NextDeadline(d.due(), d.code(), d.responsible(), d.status()))
        .orElse(null);
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
    return new CaseChanges.NewChange(state.caseId(), state.gemeente(), state.fase(), state.aanZet().orElse(null),
        event.getClass().getSimpleName(), version, event.at(), count(state, DeadlineStatus.OPEN), missed(state), aanbieders(state));
  }

  /** Every aanbieder with a toewijzing or a verzoek on the case, whatever became of it. */
  static Set<String> aanbieders(CaseState s) {
    return Stream.concat(s.toewijzingen().stream().map(Toewijzing::aanbieder), s.verzoeken().stream().map(Verzoek::aanbieder))
        .filter(Objects::nonNull)
        .collect(TreeSet::new, Set::add, Set::addAll);
  }
}
