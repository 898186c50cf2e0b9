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
import java.util.Set;
import nl.regie.persistence.CaseChanges;
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
  record Folded(CaseState state, long version, Instant updatedAt, boolean changed) implements ListedCase {

    @Override
    public Folded next(long sequenceNr, CaseEvent event) {
      if (sequenceNr <= version) return this;
      ListedCase.checkFollows(state.caseId(), version, sequenceNr);
      return new Folded(state.apply(event), sequenceNr, event.at(), true);
    }

    @Override
    public CaseList.Change write(ListedCase before) {
      Set<String> aanbieders = CaseListState.aanbieders(state);
      boolean aanbiedersChanged = !(before instanceof Folded was) || !aanbieders.equals(CaseListState.aanbieders(was.state()));
      return new CaseList.Change(CaseListState.row(state, version, updatedAt), aanbiedersChanged ? aanbieders : null);
    }

    @Override
    public CaseChanges.NewChange change(CaseEvent cause) {
      return CaseListState.change(state, version, cause);
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

  /** Whether the fold of {@code caseId} at {@code version} is in memory. */
  boolean holds(String caseId, long version) {
    Folded kept = recent.get(caseId);
    return kept != null && kept.version() == version;
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
