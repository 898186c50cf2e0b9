package nl.regie.server.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.CaseList;
import nl.regie.persistence.Database;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.server.cases.CaseListFolds.Folded;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.serialization.Serialization;

/**
 * Keeps the case list in step with the case events: each case's state is folded with the case's
 * own {@link CaseState#apply} (kept in memory, {@link CaseListFolds}) and its row holds what the
 * list shows of it. A group of events is one transaction with the projection's offset; the events
 * of one case in a group are folded in memory and written once, and every decision (one journal
 * row) gets one entry in the case stream ({@link CaseChanges}), named by the event that caused it,
 * in the same transaction. An event the row has already seen (its number is not above the row's
 * version) is passed over, so a group that comes again changes nothing.
 */
public final class CaseListProjectionHandler extends JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession> {

  private final CaseList list;
  private final CaseListFolds folds;
  private final CaseChanges changes;

  /** {@code folds}: how many cases' states to keep in memory ({@link CaseListFolds}). */
  public static CaseListProjectionHandler of(Database database, Serialization serialization, int folds) {
    return new CaseListProjectionHandler(new CaseList(database), new CaseListFolds(serialization, folds), new CaseChanges(database));
  }

  CaseListProjectionHandler(CaseList list, CaseListFolds folds, CaseChanges changes) {
    this.list = list;
    this.folds = folds;
    this.changes = changes;
  }

  @Override
  public void process(HikariJdbcSession session, List<EventEnvelope<CaseEvent>> envelopes) throws Exception {
    session.<Void>withConnection(c -> {
      Set<String> caseIds = new LinkedHashSet<>();
      for (EventEnvelope<CaseEvent> envelope : envelopes) caseIds.add(CaseEntity.caseIdOf(envelope.persistenceId()));
      // The group's cases in two queries, not two per case: a burst of deadlines wakes thousands.
      Map<String, Folded> before = folds.at(c, caseIds, list.stamps(c, caseIds));
      Map<String, Folded> cases = new LinkedHashMap<>(before);
      List<CaseChanges.NewChange> stream = new ArrayList<>();
      CaseEvent cause = null;
      for (int i = 0; i < envelopes.size(); i++) {
        EventEnvelope<CaseEvent> envelope = envelopes.get(i);
        String caseId = CaseEntity.caseIdOf(envelope.persistenceId());
        Folded was = cases.get(caseId);
        Folded after = was.next(envelope.sequenceNr(), envelope.event());
        cases.put(caseId, after);
        if (after != was && cause == null) cause = envelope.event();
        // One change per decision: the events of one journal row share its offset. The change
        // names the event that caused the decision and shows the case after all of it.
        boolean lastOfRow = i + 1 == envelopes.size() || !sameRow(envelope, envelopes.get(i + 1));
        if (lastOfRow && cause != null) {
          stream.add(CaseListState.change(after.state(), after.version(), cause));
          cause = null;
        }
      }
      List<CaseList.Change> rows = new ArrayList<>();
      for (Folded folded : cases.values()) {
        if (!folded.changed()) continue;
        Set<String> aanbieders = CaseListState.aanbieders(folded.state());
        boolean aanbiedersChanged = !aanbieders.equals(CaseListState.aanbieders(before.get(folded.state().caseId()).state()));
        rows.add(new CaseList.Change(CaseListState.row(folded.state(), folded.version(), folded.updatedAt()),
            aanbiedersChanged ? aanbieders : null));
      }
      list.saveAll(c, rows);
      session.beforeCommit(appending -> changes.append(appending, stream));
      cases.values().forEach(folds::keep);
      return null;
    });
  }

  private static boolean sameRow(EventEnvelope<CaseEvent> a, EventEnvelope<CaseEvent> b) {
    return a.persistenceId().equals(b.persistenceId()) && a.offset().equals(b.offset());
  }
}
