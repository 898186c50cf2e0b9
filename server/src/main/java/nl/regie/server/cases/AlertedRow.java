package nl.regie.server.cases;

import java.util.List;
import java.util.Set;
import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.CaseList;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * A case whose new events in a group are alerts only, and whose state the case list does not hold:
 * its row is moved on by the alerts alone ({@link CaseListState#afterAlert}), where folding it anew
 * would read and deserialize its whole journal. That is the burst of a deadline catch-up: thousands
 * of passivated cases, each woken only to raise its alert.
 *
 * @param aanbieders the case's aanbieders, for its entries in the case stream (alerts change none)
 */
record AlertedRow(CaseList.Row row, Set<String> aanbieders, boolean changed) implements ListedCase {

  /**
   * Whether {@code events} (a case's, in order) can move {@code row} on alone: every one the row has
   * not seen is the next alert, and the row tells what it does.
   */
  static boolean canFollow(CaseList.Row row, List<EventEnvelope<CaseEvent>> events) {
    for (EventEnvelope<CaseEvent> envelope : events) {
      row = step(row, envelope.sequenceNr(), envelope.event());
      if (row == null) return false;
    }
    return true;
  }

  /** {@code row} after the event, the same row if it has seen it, or null when the event cannot move it alone. */
  private static CaseList.Row step(CaseList.Row row, long sequenceNr, CaseEvent event) {
    if (sequenceNr <= row.version()) return row;
    if (sequenceNr != row.version() + 1 || !(event instanceof CaseEvent.DeadlineAlerted alert)) return null;
    return CaseListState.afterAlert(row, alert, sequenceNr);
  }

  @Override
  public AlertedRow next(long sequenceNr, CaseEvent event) {
    if (sequenceNr <= row.version()) return this;
    ListedCase.checkFollows(row.caseId(), row.version(), sequenceNr);
    CaseList.Row moved = step(row, sequenceNr, event);
    // canFollow said yes to exactly these events
    if (moved == null) throw new IllegalStateException("case " + row.caseId() + ": event " + sequenceNr + " cannot move its row alone");
    return new AlertedRow(moved, aanbieders, true);
  }

  @Override
  public CaseList.Change write(ListedCase before) {
    return new CaseList.Change(row, null);
  }

  @Override
  public CaseChanges.NewChange change(CaseEvent cause) {
    return CaseListState.change(row, aanbieders, cause);
  }
}
