package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.regie.protocol.api.AlertView;
import nl.regie.protocol.cases.AlertLevel;

/** Every alert raised, each once, and the queries the alert API answers. */
public final class AlertStore {

  /** An alert about to be stored. */
  public record NewAlert(
      String caseId, String deadlineId, String gemeente, String code, String omschrijving, AlertLevel level,
      LocalDate due, String responsible, Instant scheduledFor, Instant raisedAt) {}

  /**
   * What to look for; absent fields do not filter. {@code afterId} pages on from an earlier answer.
   * {@code scope} is what the asker may see at all, whatever else it asks.
   */
  public record Query(Scope scope, String gemeente, AlertLevel level, String caseId, String code, long afterId, int limit) {}

  /** The alerts of these gemeenten, and those a party with this {@code responsible} must act on. */
  public record Scope(java.util.Set<String> gemeenten, String responsible) {
    public Scope {
      gemeenten = java.util.Set.copyOf(gemeenten);
    }

    public boolean isEmpty() {
      return gemeenten.isEmpty() && responsible == null;
    }

    public boolean includes(AlertView alert) {
      return gemeenten.contains(alert.gemeente()) || (responsible != null && responsible.equals(alert.responsible()));
    }
  }

  private final Database database;

  public AlertStore(Database database) {
    this.database = database;
  }

  /**
   * Stores each of {@code alerts} unless the same level of the same deadline was stored already, in
   * {@code c}'s transaction, which holds the {@link AppendLock#ALERT} from here on (taken once for
   * all of them).
   *
   * @return the alerts stored, with their ids, in order; those that were there already left out
   */
  public List<AlertView> insertOnce(Connection c, List<NewAlert> alerts) throws SQLException {
    if (alerts.isEmpty()) return List.of();
    AppendLock.ALERT.take(c);
    return switch (database.vendor()) {
      case POSTGRESQL -> insertMany(c, alerts);
      case H2 -> insertOneByOne(c, alerts);
    };
  }

  private static final String INSERT = "INSERT INTO alert (case_id, deadline_id, gemeente, code, omschrijving, alert_level, due, "
      + "responsible, scheduled_for, raised_at) ";

  /**
   * On PostgreSQL, a thousand at a time in one statement that says which it stored: a burst of
   * deadlines stores thousands, and one statement each was most of the alert table's cost. Not NOT
   * EXISTS: its cached generic plan, made while the table was nearly empty, went on scanning the
   * whole table for every alert. The ids follow the rows' order.
   */
  private static List<AlertView> insertMany(Connection c, List<NewAlert> alerts) throws SQLException {
    List<AlertView> stored = new ArrayList<>();
    for (int from = 0; from < alerts.size(); from += Jdbc.CHUNK) {
      List<NewAlert> chunk = alerts.subList(from, Math.min(alerts.size(), from + Jdbc.CHUNK));
      String sql = INSERT + "VALUES " + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
          + " ON CONFLICT ON CONSTRAINT alert_once DO NOTHING RETURNING id, case_id, deadline_id, alert_level";
      Map<List<String>, Long> ids = new HashMap<>();
      try (PreparedStatement ps = Jdbc.unprepared(c, sql)) {
        int column = 1;
        for (NewAlert alert : chunk) column = bind(ps, column, alert);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) ids.put(List.of(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getLong(1));
        }
      }
      // The same alert twice in one group (a replay) is stored once, as its first.
      for (NewAlert alert : chunk) {
        Long id = ids.remove(List.of(alert.caseId(), alert.deadlineId(), alert.level().name()));
        if (id != null) stored.add(view(id, alert));
      }
    }
    return stored;
  }

  /** On H2, one at a time: which of them were there already shows only per row. */
  private static List<AlertView> insertOneByOne(Connection c, List<NewAlert> alerts) throws SQLException {
    String sql = INSERT + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
        + "(SELECT 1 FROM alert WHERE case_id = ? AND deadline_id = ? AND alert_level = ?)";
    List<AlertView> stored = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (NewAlert alert : alerts) {
        int column = bind(ps, 1, alert);
        ps.setString(column++, alert.caseId());
        ps.setString(column++, alert.deadlineId());
        ps.setString(column, alert.level().name());
        if (ps.executeUpdate() == 0) continue;
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          stored.add(view(keys.getLong(1), alert));
        }
      }
    }
    return stored;
  }

  /** Binds {@code alert}'s ten columns from {@code column} on; the next column after them. */
  private static int bind(PreparedStatement ps, int column, NewAlert alert) throws SQLException {
    ps.setString(column, alert.caseId());
    ps.setString(column + 1, alert.deadlineId());
    ps.setString(column + 2, alert.gemeente());
    ps.setString(column + 3, alert.code());
    ps.setString(column + 4, alert.omschrijving());
    ps.setString(column + 5, alert.level().name());
    ps.setObject(column + 6, alert.due());
    ps.setString(column + 7, alert.responsible());
    Jdbc.setInstant(ps, column + 8, alert.scheduledFor());
    Jdbc.setInstant(ps, column + 9, alert.raisedAt());
    return column + 10;
  }

  private static AlertView view(long id, NewAlert alert) {
    return new AlertView(id, alert.caseId(), alert.gemeente(), alert.code(), alert.omschrijving(), alert.level(), alert.due(),
        alert.responsible(), alert.raisedAt());
  }

  /** Up to {@code limit} alerts after id {@code after}, of every gemeente, in id order: for the alert stream, which filters itself. */
  public List<AlertView> after(long after, int limit) {
    return select(" ORDER BY id LIMIT ?", List.of(after, limit));
  }

  /** The last id given so far, or 0. */
  public long head() {
    return Jdbc.lastId(database, "alert");
  }

  public List<AlertView> find(Query q) {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    params.add(q.afterId());
    List<String> scope = new ArrayList<>();
    if (!q.scope().gemeenten().isEmpty()) {
      scope.add("gemeente IN (" + String.join(",", java.util.Collections.nCopies(q.scope().gemeenten().size(), "?")) + ")");
      params.addAll(new java.util.TreeSet<>(q.scope().gemeenten()));
    }
    if (q.scope().responsible() != null) {
      scope.add("responsible = ?");
      params.add(q.scope().responsible());
    }
    sql.append(scope.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", scope) + ")");
    if (q.gemeente() != null) {
      sql.append(" AND gemeente = ?");
      params.add(q.gemeente());
    }
    if (q.level() != null) {
      sql.append(" AND alert_level = ?");
      params.add(q.level().name());
    }
    if (q.caseId() != null) {
      sql.append(" AND case_id = ?");
      params.add(q.caseId());
    }
    if (q.code() != null) {
      sql.append(" AND code = ?");
      params.add(q.code());
    }
    sql.append(" ORDER BY id LIMIT ?");
    params.add(q.limit());
    return select(sql.toString(), params);
  }

  /** The alerts with an id above the first parameter that pass {@code condition} (which binds the others). */
  private List<AlertView> select(String condition, List<Object> params) {
    String sql = "SELECT id, case_id, gemeente, code, omschrijving, alert_level, due, responsible, raised_at FROM alert WHERE id > ?"
        + condition;
    List<AlertView> alerts = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = Jdbc.pageQuery(c, sql)) {
      for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          alerts.add(new AlertView(rs.getLong("id"), rs.getString("case_id"), rs.getString("gemeente"), rs.getString("code"),
              rs.getString("omschrijving"), AlertLevel.valueOf(rs.getString("alert_level")),
              rs.getObject("due", LocalDate.class), rs.getString("responsible"), Jdbc.getInstant(rs, "raised_at")));
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the alerts: " + e.getMessage(), e);
    }
    return alerts;
  }
}
