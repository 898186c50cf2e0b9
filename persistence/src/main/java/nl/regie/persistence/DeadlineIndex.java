package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.regie.protocol.cases.AlertLevel;

/**
 * The durable index of deadline moments: for every running deadline of every case, the next
 * moment at which time alone changes it. The writes take the caller's connection, so that they
 * commit together with the projection's offset; the read that finds due cases uses the pool.
 */
public final class DeadlineIndex {

  /** A deadline moment of a case that has come. */
  public record Due(String caseId, Instant nextAt) {}

  private final Database database;

  public DeadlineIndex(Database database) {
    this.database = database;
  }

  /** Records a new deadline: its first moment is the warning, if any and before the miss. */
  public void schedule(Connection c, String caseId, String deadlineId, Instant warnAt, Instant missedAt, Instant escalateAt)
      throws SQLException {
    Instant next = warnAt != null && warnAt.isBefore(missedAt) ? warnAt : missedAt;
    String sql = switch (database.vendor()) {
      case POSTGRESQL -> "INSERT INTO deadline_moment (case_id, deadline_id, next_at, warn_at, missed_at, escalate_at) "
          + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, deadline_id) DO UPDATE SET next_at = EXCLUDED.next_at, "
          + "warn_at = EXCLUDED.warn_at, missed_at = EXCLUDED.missed_at, escalate_at = EXCLUDED.escalate_at";
      case H2 -> "MERGE INTO deadline_moment (case_id, deadline_id, next_at, warn_at, missed_at, escalate_at) "
          + "KEY (case_id, deadline_id) VALUES (?, ?, ?, ?, ?, ?)";
    };
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, caseId);
      ps.setString(2, deadlineId);
      Jdbc.setInstant(ps, 3, next);
      Jdbc.setInstant(ps, 4, warnAt);
      Jdbc.setInstant(ps, 5, missedAt);
      Jdbc.setInstant(ps, 6, escalateAt);
      ps.executeUpdate();
    }
  }

  /** An alert just raised on a case's deadline. */
  public record Raised(String caseId, String deadlineId, AlertLevel level) {}

  /**
   * Moves each deadline past the alert just raised on it, in order: after a warning its next moment
   * is the miss, after a miss the escalation (or nothing), after an escalation nothing. In two
   * batched statements, not one or two per alert: a burst of deadlines raises thousands at once.
   * The moves go first, the removals after: a deadline alerted twice in {@code raised} (a miss and
   * its escalation) is moved on and then removed, as one at a time would do.
   */
  public void raised(Connection c, List<Raised> raised) throws SQLException {
    List<Raised> moving = raised.stream().filter(r -> r.level() != AlertLevel.ESCALATED).toList();
    List<Raised> done = new ArrayList<>(raised.stream().filter(r -> r.level() == AlertLevel.ESCALATED).toList());
    if (!moving.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE deadline_moment SET next_at = CASE WHEN ? THEN missed_at ELSE escalate_at END "
          + "WHERE case_id = ? AND deadline_id = ? AND (? OR escalate_at IS NOT NULL)")) {
        for (Raised r : moving) {
          boolean warning = r.level() == AlertLevel.WARNING;
          ps.setBoolean(1, warning);
          ps.setString(2, r.caseId());
          ps.setString(3, r.deadlineId());
          ps.setBoolean(4, warning);
          ps.addBatch();
        }
        int[] moved = ps.executeBatch();
        for (int i = 0; i < moved.length; i++) {
          if (moved[i] < 0) throw new SQLException("the driver did not say which deadlines moved on");
          if (moved[i] == 0) done.add(moving.get(i));
        }
      }
    }
    if (done.isEmpty()) return;
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM deadline_moment WHERE case_id = ? AND deadline_id = ?")) {
      for (Raised r : done) {
        ps.setString(1, r.caseId());
        ps.setString(2, r.deadlineId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The deadline no longer waits for time: it was met, it lapsed, or it escalated. */
  public void remove(Connection c, String caseId, String deadlineId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM deadline_moment WHERE case_id = ? AND deadline_id = ?")) {
      ps.setString(1, caseId);
      ps.setString(2, deadlineId);
      ps.executeUpdate();
    }
  }

  /**
   * Up to {@code limit} deadline moments at or before {@code now}, in (moment, case) order, after
   * the position {@code after} (empty: from the start), so that a sweep through a large backlog
   * never reads the same row twice.
   */
  public List<Due> due(Instant now, Optional<Due> after, int limit) {
    String sql = "SELECT case_id, next_at FROM deadline_moment WHERE next_at <= ?"
        + (after.isPresent() ? " AND (next_at > ? OR (next_at = ? AND case_id > ?))" : "")
        + " ORDER BY next_at, case_id LIMIT ?";
    List<Due> due = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = Jdbc.pageQuery(c, sql)) {
      int i = 1;
      Jdbc.setInstant(ps, i++, now);
      if (after.isPresent()) {
        Jdbc.setInstant(ps, i++, after.get().nextAt());
        Jdbc.setInstant(ps, i++, after.get().nextAt());
        ps.setString(i++, after.get().caseId());
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) due.add(new Due(rs.getString("case_id"), Jdbc.getInstant(rs, "next_at")));
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the deadline index: " + e.getMessage(), e);
    }
    return due;
  }

  /** How many deadline moments are waiting, for metrics and tests. */
  public long size() {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM deadline_moment");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the deadline index: " + e.getMessage(), e);
    }
  }
}
