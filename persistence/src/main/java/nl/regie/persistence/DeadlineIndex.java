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

  /**
   * Moves a deadline past the alert just raised: after a warning its next moment is the miss,
   * after a miss the escalation (or nothing), after an escalation nothing.
   */
  public void raised(Connection c, String caseId, String deadlineId, AlertLevel level) throws SQLException {
    String sql = switch (level) {
      case WARNING -> "UPDATE deadline_moment SET next_at = missed_at WHERE case_id = ? AND deadline_id = ?";
      case MISSED -> "UPDATE deadline_moment SET next_at = escalate_at WHERE case_id = ? AND deadline_id = ? AND escalate_at IS NOT NULL";
      case ESCALATED -> null;
    };
    if (sql != null) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, caseId);
        ps.setString(2, deadlineId);
        if (ps.executeUpdate() > 0) return;
      }
    }
    remove(c, caseId, deadlineId);
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
