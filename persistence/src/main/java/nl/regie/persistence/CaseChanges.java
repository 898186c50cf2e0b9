package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.regie.protocol.api.CaseChangeView;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Partij;

/**
 * The case stream as it is stored: one row per case event, with where the case stands after it.
 * The case-list projection appends in its own transaction; the streams read on by id, which is the
 * stream's offset and becomes visible in commit order ({@link AppendLock#CASE_CHANGE}).
 *
 * <p>It is a window, not a record (a case's history is its journal): {@link #prune} deletes the
 * changes older than a moment and raises the {@linkplain #horizon() horizon}, the highest offset
 * pruned, in the same transaction. A reader that reads the rows after its offset and then the
 * horizon knows that it may have missed some exactly when its offset is below the horizon.
 */
public final class CaseChanges {

  /** A change about to be appended; its offset is given then. */
  public record NewChange(
      String caseId, String gemeente, Fase fase, Partij aanZet, String type, long version, Instant at, int openDeadlines,
      int missedDeadlines, Set<String> aanbieders) {

    public NewChange {
      aanbieders = Set.copyOf(aanbieders);
    }
  }

  private static final String COLUMNS =
      "case_id, gemeente, fase, aan_zet, event_type, version, at, open_deadlines, missed_deadlines, aanbieders";

  private final Database database;

  public CaseChanges(Database database) {
    this.database = database;
  }

  /**
   * Appends {@code changes} in this order, in {@code c}'s transaction, which holds the append lock
   * from here on: append last, so that the lock is held only until the commit.
   */
  public void append(Connection c, List<NewChange> changes) throws SQLException {
    if (changes.isEmpty()) return;
    AppendLock.CASE_CHANGE.take(c);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_change (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (NewChange change : changes) {
        ps.setString(1, change.caseId());
        ps.setString(2, change.gemeente());
        ps.setString(3, change.fase() == null ? null : change.fase().name());
        ps.setString(4, change.aanZet() == null ? null : change.aanZet().name());
        ps.setString(5, change.type());
        ps.setLong(6, change.version());
        Jdbc.setInstant(ps, 7, change.at());
        ps.setInt(8, change.openDeadlines());
        ps.setInt(9, change.missedDeadlines());
        ps.setString(10, aanbiedersColumn(change.aanbieders()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The AGB codes as the aanbieders column holds them: sorted, between commas, or empty. */
  public static String aanbiedersColumn(Set<String> aanbieders) {
    return aanbieders.isEmpty() ? "" : "," + String.join(",", new TreeSet<>(aanbieders)) + ",";
  }

  /** Up to {@code limit} changes after offset {@code after}, in offset order. */
  public List<CaseChangeView> after(long after, int limit) {
    List<CaseChangeView> changes = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = Jdbc.pageQuery(c, "SELECT id, " + COLUMNS + " FROM case_change WHERE id > ? ORDER BY id LIMIT ?")) {
      ps.setLong(1, after);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) changes.add(view(rs));
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the case changes: " + e.getMessage(), e);
    }
    return changes;
  }

  /** The last offset given so far, or 0; when every row has been pruned, the horizon. */
  public long head() {
    return Math.max(Jdbc.lastId(database, "case_change"), horizon());
  }

  /**
   * The highest offset pruned so far, or 0. Every change above it that was ever appended is still
   * here (or rolled back); below it and at it some may be gone. Read it after the rows: the
   * rows' delete and the horizon commit together, so a reader that sees a horizon at or below its
   * offset has missed no row above its offset.
   */
  public long horizon() {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT pruned_up_to FROM case_change_horizon WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) throw new IllegalStateException("case_change_horizon has no row: the migrations did not run");
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the case stream's horizon: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes at most {@code limit} changes of before {@code before}, the oldest offsets first, and
   * raises the horizon to the highest offset deleted, in one short transaction that holds the
   * horizon's row (pruners on other nodes wait their turn).
   *
   * @return how many were deleted: {@code limit} when there may be more
   */
  public int prune(Instant before, int limit) {
    if (limit < 1 || limit > Jdbc.CHUNK) throw new IllegalArgumentException("prune 1 to " + Jdbc.CHUNK + " at a time");
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement("SELECT pruned_up_to FROM case_change_horizon WHERE id = 1 FOR UPDATE");
            ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) throw new IllegalStateException("case_change_horizon has no row: the migrations did not run");
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.pageQuery(c, "SELECT id FROM case_change WHERE at < ? ORDER BY id LIMIT ?")) {
          Jdbc.setInstant(ps, 1, before);
          ps.setInt(2, limit);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) ids.add(rs.getLong(1));
          }
        }
        if (ids.isEmpty()) {
          c.rollback();
          return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM case_change WHERE id IN (" + Jdbc.placeholders(ids.size()) + ")")) {
          for (int i = 0; i < ids.size(); i++) ps.setLong(i + 1, ids.get(i));
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE case_change_horizon SET pruned_up_to = GREATEST(pruned_up_to, ?) WHERE id = 1")) {
          ps.setLong(1, ids.get(ids.size() - 1));
          ps.executeUpdate();
        }
        c.commit();
        return ids.size();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot prune the case changes: " + e.getMessage(), e);
    }
  }

  private static CaseChangeView view(ResultSet rs) throws SQLException {
    String fase = rs.getString("fase");
    String aanZet = rs.getString("aan_zet");
    String aanbieders = rs.getString("aanbieders");
    return new CaseChangeView(rs.getString("case_id"), rs.getString("gemeente"), fase == null ? null : Fase.valueOf(fase),
        aanZet == null ? null : Partij.valueOf(aanZet), rs.getString("event_type"), rs.getLong("version"),
        Jdbc.getInstant(rs, "at"), rs.getLong("id"),
        new CaseChangeView.Deadlines(rs.getInt("open_deadlines"), rs.getInt("missed_deadlines")),
        aanbieders.isEmpty() ? List.of() : Arrays.asList(aanbieders.substring(1, aanbieders.length() - 1).split(",")));
  }
}
