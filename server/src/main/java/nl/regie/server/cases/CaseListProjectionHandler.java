package nl.regie.server.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
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
 * version) is passed over, so a group that comes again changes nothing. A case whose new events
 * are alerts only, and whose fold is not in memory, has its row moved on by the alerts alone
 * ({@link AlertedRow}): the burst of a deadline catch-up need not fold thousands of cases anew.
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
      Map<String, List<EventEnvelope<CaseEvent>>> byCase = new LinkedHashMap<>();
      for (EventEnvelope<CaseEvent> envelope : envelopes) {
        byCase.computeIfAbsent(CaseEntity.caseIdOf(envelope.persistenceId()), id -> new ArrayList<>()).add(envelope);
      }
      // The group's cases in a few queries, not a few per case: a burst of deadlines wakes thousands.
      Map<String, ListedCase> before = listed(c, byCase, list.rows(c, byCase.keySet()));
      Map<String, ListedCase> cases = new LinkedHashMap<>(before);
      List<CaseChanges.NewChange> stream = new ArrayList<>();
      CaseEvent cause = null;
      for (int i = 0; i < envelopes.size(); i++) {
        EventEnvelope<CaseEvent> envelope = envelopes.get(i);
        String caseId = CaseEntity.caseIdOf(envelope.persistenceId());
        ListedCase was = cases.get(caseId);
        ListedCase after = was.next(envelope.sequenceNr(), envelope.event());
        cases.put(caseId, after);
        if (after != was && cause == null) cause = envelope.event();
        // One change per decision: the events of one journal row share its offset. The change
        // names the event that caused the decision and shows the case after all of it.
        boolean lastOfRow = i + 1 == envelopes.size() || !sameRow(envelope, envelopes.get(i + 1));
        if (lastOfRow && cause != null) {
          stream.add(after.change(cause));
          cause = null;
        }
      }
      List<CaseList.Change> rows = new ArrayList<>();
      for (Map.Entry<String, ListedCase> entry : cases.entrySet()) {
        if (entry.getValue().changed()) rows.add(entry.getValue().write(before.get(entry.getKey())));
      }
      list.saveAll(c, rows);
      session.beforeCommit(appending -> changes.append(appending, stream));
      for (ListedCase listed : cases.values()) {
        if (listed instanceof Folded folded) folds.keep(folded);
      }
      return null;
    });
  }

  /**
   * Each case of the group as it stands in the list: those whose new events are alerts only and
   * whose fold is not in memory as their row ({@link AlertedRow}), the others folded (kept in
   * memory, or anew from their journal rows, read for all of them in one query).
   */
  private Map<String, ListedCase> listed(Connection c, Map<String, List<EventEnvelope<CaseEvent>>> byCase,
      Map<String, CaseList.Row> rows) throws SQLException {
    Map<String, ListedCase> listed = new HashMap<>();
    List<String> alerted = new ArrayList<>();
    Map<String, CaseList.Stamp> stamps = new HashMap<>();
    for (Map.Entry<String, List<EventEnvelope<CaseEvent>>> entry : byCase.entrySet()) {
      CaseList.Row row = rows.get(entry.getKey());
      if (row != null && !folds.holds(entry.getKey(), row.version()) && AlertedRow.canFollow(row, entry.getValue())) {
        alerted.add(entry.getKey());
      } else if (row != null) {
        stamps.put(entry.getKey(), row.stamp());
      }
    }
    Map<String, Set<String>> aanbieders = alerted.isEmpty() ? Map.of() : list.aanbieders(c, alerted);
    for (String caseId : alerted) listed.put(caseId, new AlertedRow(rows.get(caseId), aanbieders.getOrDefault(caseId, Set.of()), false));
    Set<String> folded = new LinkedHashSet<>(byCase.keySet());
    folded.removeAll(alerted);
    listed.putAll(folds.at(c, folded, stamps));
    return listed;
  }

  private static boolean sameRow(EventEnvelope<CaseEvent> a, EventEnvelope<CaseEvent> b) {
    return a.persistenceId().equals(b.persistenceId()) && a.offset().equals(b.offset());
  }
}
