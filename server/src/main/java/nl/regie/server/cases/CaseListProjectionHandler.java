package nl.regie.server.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.CaseList;
import nl.regie.persistence.HikariJdbcSession;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Keeps the case list in step with the case events: each case's row holds its state, folded with
 * the case's own {@link CaseState#apply}, and what the list shows of it. A group of events is one
 * transaction with the projection's offset; the events of one case in a group are folded in
 * memory and written once, and every decision (one journal row) gets one entry in the case stream
 * ({@link CaseChanges}), named by the event that caused it,
 * in the same transaction. An event the row has already seen (its sequence number is not above
 * the row's version) is passed over, so a group that comes again changes nothing.
 */
public final class CaseListProjectionHandler extends JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession> {

  private final CaseList list;
  private final CaseListState states;
  private final CaseChanges changes;

  public CaseListProjectionHandler(CaseList list, CaseListState states, CaseChanges changes) {
    this.list = list;
    this.states = states;
    this.changes = changes;
  }

  @Override
  public void process(HikariJdbcSession session, List<EventEnvelope<CaseEvent>> envelopes) throws Exception {
    session.<Void>withConnection(c -> {
      Map<String, Folded> cases = new LinkedHashMap<>();
      List<CaseChanges.NewChange> stream = new ArrayList<>();
      CaseEvent cause = null;
      for (int i = 0; i < envelopes.size(); i++) {
        EventEnvelope<CaseEvent> envelope = envelopes.get(i);
        String caseId = CaseEntity.caseIdOf(envelope.persistenceId());
        Folded before = cases.containsKey(caseId) ? cases.get(caseId) : load(c, caseId);
        Folded after = before.next(envelope.sequenceNr(), envelope.event());
        cases.put(caseId, after);
        if (after != before && cause == null) cause = envelope.event();
        // One change per decision: the events of one journal row share its offset. The change
        // names the event that caused the decision and shows the case after all of it.
        boolean lastOfRow = i + 1 == envelopes.size() || !sameRow(envelope, envelopes.get(i + 1));
        if (lastOfRow && cause != null) {
          stream.add(CaseListState.change(after.state(), after.version(), cause));
          cause = null;
        }
      }
      for (Folded folded : cases.values()) {
        if (folded.changed()) list.save(c, states.row(folded.state(), folded.version(), folded.updatedAt()), CaseListState.aanbieders(folded.state()));
      }
      changes.append(c, stream);
      return null;
    });
  }

  private static boolean sameRow(EventEnvelope<CaseEvent> a, EventEnvelope<CaseEvent> b) {
    return a.persistenceId().equals(b.persistenceId()) && a.offset().equals(b.offset());
  }

  private Folded load(Connection c, String caseId) throws SQLException {
    return list.load(c, caseId)
        .map(row -> new Folded(states.read(row.state()), row.version(), row.updatedAt(), false))
        .orElseGet(() -> new Folded(CaseState.empty(caseId), 0, null, false));
  }

  /** A case's state after the events applied so far, and whether the row must be written. */
  private record Folded(CaseState state, long version, Instant updatedAt, boolean changed) {

    Folded next(long sequenceNr, CaseEvent event) {
      if (sequenceNr <= version) return this;
      // Folding on past a missing event would leave a wrong row for good; stopping shows it.
      if (sequenceNr != version + 1) {
        throw new IllegalStateException("case " + state.caseId() + ": event " + sequenceNr + " came after event "
            + version + ", the events between are missing");
      }
      return new Folded(state.apply(event), sequenceNr, event.at(), true);
    }
  }


}
