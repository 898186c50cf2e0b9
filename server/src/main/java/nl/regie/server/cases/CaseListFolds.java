package nl.regie.server.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.regie.persistence.CaseList;
import nl.regie.persistence.JournalRows;
import org.apache.pekko.serialization.Serialization;

/**
 * The states the case list folds events into, kept in memory for the cases it saw last, so that
 * the list stores only what it shows. A kept fold is used only at the version the case's row has:
 * a transaction that failed after the fold moved on cannot leave the list a step ahead. Any other
 * case (after a restart, after its fold was evicted, or when its slice moved to this node) is folded
 * anew from its own journal rows up to that version.
 */
final class CaseListFolds {

  /** A case's state after its events up to {@code version}; {@code changed}: the row must be written. */
  record Folded(CaseState state, long version, Instant updatedAt, boolean changed) {

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

  private final Serialization serialization;
  private final Map<String, Folded> recent;

  /** {@code capacity}: how many cases' folds to keep (a few kilobytes each). */
  CaseListFolds(Serialization serialization, int capacity) {
    this.serialization = serialization;
    this.recent = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Folded> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The fold of a case the list has no row of yet. */
  static Folded none(String caseId) {
    return new Folded(CaseState.empty(caseId), 0, null, false);
  }

  /**
   * The folds of {@code caseIds} at the versions of their rows ({@code stamps}; a case without a row
   * has none yet): those kept at that version as they are, the others folded from their journal
   * rows, read for all of them in one query.
   */
  Map<String, Folded> at(Connection c, Collection<String> caseIds, Map<String, CaseList.Stamp> stamps) throws SQLException {
    Map<String, Folded> folds = new HashMap<>();
    List<String> unkept = new ArrayList<>();
    for (String caseId : caseIds) {
      CaseList.Stamp stamp = stamps.get(caseId);
      Folded kept = recent.get(caseId);
      if (stamp == null) folds.put(caseId, none(caseId));
      else if (kept != null && kept.version() == stamp.version()) folds.put(caseId, kept);
      else unkept.add(caseId);
    }
    if (unkept.isEmpty()) return folds;
    Map<String, List<JournalRows.Row>> rows = JournalRows.of(c, unkept.stream().map(id -> CaseEntity.persistenceIdOf(id).id()).toList());
    for (String caseId : unkept) {
      CaseList.Stamp stamp = stamps.get(caseId);
      folds.put(caseId, folded(caseId, rows.getOrDefault(CaseEntity.persistenceIdOf(caseId).id(), List.of()), stamp));
    }
    return folds;
  }

  /** The fold of one case at {@code stamp}, from its journal rows (which may go on past it). */
  private Folded folded(String caseId, List<JournalRows.Row> rows, CaseList.Stamp stamp) {
    long version = stamp.version();
    CaseState state = CaseState.empty(caseId);
    for (JournalRows.Row row : rows) {
      // A row's first event is numbered at least its sequence number (every row holds one event or
      // more): rows past the version, the group's own events among them, need not be read.
      if (row.sequenceNr() > version) break;
      CaseEvent stored = (CaseEvent) serialization.deserialize(row.payload(), row.serializerId(), row.manifest()).get();
      // Numbered as GroupedEvents numbers them for every projection.
      long n = stored instanceof CaseEvent.Grouped g ? g.firstVersion() : row.sequenceNr();
      if (n > version) break;
      for (CaseEvent event : CaseEvent.unpacked(List.of(stored))) {
        if (n++ <= version) state = state.apply(event);
      }
    }
    if (state.version() != version && version > 0) {
      throw new IllegalStateException("case " + caseId + ": its journal folds to version " + state.version()
          + ", its case-list row is at " + version);
    }
    return new Folded(CaseListState.kept(state), version, stamp.updatedAt(), false);
  }

  /** Keeps {@code folded} (without its history, which only grows) for the next group of events. */
  void keep(Folded folded) {
    recent.put(folded.state().caseId(), new Folded(CaseListState.kept(folded.state()), folded.version(), folded.updatedAt(), false));
  }
}
