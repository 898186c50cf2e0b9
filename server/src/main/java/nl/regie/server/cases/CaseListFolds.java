package nl.regie.server.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The fold of {@code caseId} at {@code version}, the version of its row, which was updated at {@code updatedAt}. */
  Folded at(Connection c, String caseId, long version, Instant updatedAt) throws SQLException {
    Folded kept = recent.get(caseId);
    if (kept != null && kept.version() == version) return kept;
    CaseState state = CaseState.empty(caseId);
    for (JournalRows.Row row : JournalRows.of(c, CaseEntity.persistenceIdOf(caseId).id(), version)) {
      CaseEvent stored = (CaseEvent) serialization.deserialize(row.payload(), row.serializerId(), row.manifest()).get();
      // Numbered as GroupedEvents numbers them for every projection.
      long first = stored instanceof CaseEvent.Grouped g ? g.firstVersion() : row.sequenceNr();
      long n = first;
      for (CaseEvent event : CaseEvent.unpacked(List.of(stored))) {
        if (n++ <= version) state = state.apply(event);
      }
    }
    if (state.version() != version && version > 0) {
      throw new IllegalStateException("case " + caseId + ": its journal folds to version " + state.version()
          + ", its case-list row is at " + version);
    }
    return new Folded(CaseListState.kept(state), version, updatedAt, false);
  }

  /** Keeps {@code folded} (without its history, which only grows) for the next group of events. */
  void keep(Folded folded) {
    recent.put(folded.state().caseId(), new Folded(CaseListState.kept(folded.state()), folded.version(), folded.updatedAt(), false));
  }
}
