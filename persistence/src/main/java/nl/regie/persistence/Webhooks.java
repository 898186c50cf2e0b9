package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.regie.protocol.api.AlertView;
import nl.regie.protocol.api.WebhookDeliveryView;
import nl.regie.protocol.api.WebhookView;
import nl.regie.protocol.cases.AlertLevel;

/**
 * The webhooks, and every alert's delivery to each: registered by an admin, matched to the alerts
 * in id order behind a cursor (one node at a time, under the cursor's row lock), claimed one
 * delivery at a time by whichever node sends it (a claim runs out, so a node that dies leaves no
 * delivery stuck), and marked delivered or retried later.
 */
public final class Webhooks {

  /** A delivery a node has claimed, with what it must send and where. */
  public record Due(long deliveryId, long webhookId, String url, String secret, int attempts, AlertView alert) {}

  private static final String VIEW = "SELECT w.id, w.gemeente, w.alert_level, w.url, w.created_at, w.active, "
      + "(SELECT COUNT(*) FROM webhook_delivery d WHERE d.webhook_id = w.id AND d.state = 'PENDING') AS pending, "
      + "(SELECT COUNT(*) FROM webhook_delivery d WHERE d.webhook_id = w.id AND d.state = 'DELIVERED') AS delivered, "
      + "(SELECT COUNT(*) FROM webhook_delivery d WHERE d.webhook_id = w.id AND d.state = 'FAILED') AS failed FROM webhook w";

  private final Database database;

  public Webhooks(Database database) {
    this.database = database;
  }

  /** Registers a webhook; its secret is in this answer only. */
  public WebhookView register(String gemeente, AlertLevel level, String url, String secret, Instant at) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO webhook (gemeente, alert_level, url, secret, created_at, active) "
            + "VALUES (?, ?, ?, ?, ?, TRUE)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, gemeente);
      ps.setString(2, level == null ? null : level.name());
      ps.setString(3, url);
      ps.setString(4, secret);
      Jdbc.setInstant(ps, 5, at);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return new WebhookView(keys.getLong(1), gemeente, level == null ? null : level.name(), url, secret, at, true, 0, 0, 0);
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** Every webhook, newest last, with its deliveries counted; no secrets. */
  public List<WebhookView> all() {
    return views(VIEW + " ORDER BY w.id", -1);
  }

  public Optional<WebhookView> find(long id) {
    return views(VIEW + " WHERE w.id = ?", id).stream().findFirst();
  }

  /** Stops a webhook: it gets no new alerts, and its pending deliveries are dropped as failed. */
  public boolean deactivate(long id, Instant at) {
    return inTransaction(c -> {
      try (PreparedStatement off = c.prepareStatement("UPDATE webhook SET active = FALSE WHERE id = ? AND active");
          PreparedStatement drop = c.prepareStatement("UPDATE webhook_delivery SET state = 'FAILED', last_error = ? "
              + "WHERE webhook_id = ? AND state = 'PENDING'")) {
        off.setLong(1, id);
        boolean changed = off.executeUpdate() == 1;
        drop.setString(1, "the webhook was removed at " + at);
        drop.setLong(2, id);
        drop.executeUpdate();
        return changed;
      }
    });
  }

  /** The deliveries of webhook {@code id}, by id, after {@code afterId}. */
  public List<WebhookDeliveryView> deliveries(long webhookId, long afterId, int limit) {
    List<WebhookDeliveryView> found = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = Jdbc.pageQuery(c, "SELECT id, webhook_id, alert_id, state, attempts, next_attempt_at, last_status, "
            + "last_error, delivered_at FROM webhook_delivery WHERE webhook_id = ? AND id > ? ORDER BY id LIMIT ?")) {
      ps.setLong(1, webhookId);
      ps.setLong(2, afterId);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int status = rs.getInt("last_status");
          found.add(new WebhookDeliveryView(rs.getLong("id"), rs.getLong("webhook_id"), rs.getLong("alert_id"), rs.getString("state"),
              rs.getInt("attempts"), Jdbc.getInstant(rs, "next_attempt_at"), rs.wasNull() ? null : status, rs.getString("last_error"),
              Jdbc.getInstant(rs, "delivered_at")));
        }
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
    return found;
  }

  /**
   * Matches up to {@code limit} alerts after the cursor to the active webhooks of their gemeente
   * (and level), as deliveries due at {@code now}, and moves the cursor past them, in one
   * transaction under the cursor's lock. The alert ids become visible in commit order, so none is
   * passed over. Returns how many alerts were matched.
   */
  public int match(int limit, Instant now) {
    return inTransaction(c -> {
      long cursor;
      try (PreparedStatement ps = c.prepareStatement("SELECT last_alert_id FROM webhook_cursor WHERE name = 'alerts' FOR UPDATE");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        cursor = rs.getLong(1);
      }
      long last = cursor;
      int matched = 0;
      try (PreparedStatement alerts = Jdbc.pageQuery(c, "SELECT id, gemeente, alert_level FROM alert WHERE id > ? ORDER BY id LIMIT ?");
          PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_delivery (webhook_id, alert_id, state, attempts, "
              + "next_attempt_at) SELECT w.id, ?, 'PENDING', 0, ? FROM webhook w WHERE w.active AND w.gemeente = ? "
              + "AND (w.alert_level IS NULL OR w.alert_level = ?)")) {
        alerts.setLong(1, cursor);
        alerts.setInt(2, limit);
        try (ResultSet rs = alerts.executeQuery()) {
          while (rs.next()) {
            last = rs.getLong("id");
            matched++;
            insert.setLong(1, last);
            Jdbc.setInstant(insert, 2, now);
            insert.setString(3, rs.getString("gemeente"));
            insert.setString(4, rs.getString("alert_level"));
            insert.addBatch();
          }
        }
        if (matched > 0) insert.executeBatch();
      }
      if (last > cursor) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_cursor SET last_alert_id = ? WHERE name = 'alerts'")) {
          ps.setLong(1, last);
          ps.executeUpdate();
        }
      }
      return matched;
    });
  }

  /** Claims up to {@code limit} pending deliveries due at {@code now} for {@code claimFor}; each is claimed by one node only. */
  public List<Due> claimDue(Instant now, Duration claimFor, int limit) {
    List<Due> claimed = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection()) {
      List<Long> candidates = new ArrayList<>();
      try (PreparedStatement ps = Jdbc.pageQuery(c, "SELECT id FROM webhook_delivery WHERE state = 'PENDING' AND next_attempt_at <= ? "
          + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id LIMIT ?")) {
        Jdbc.setInstant(ps, 1, now);
        Jdbc.setInstant(ps, 2, now);
        ps.setInt(3, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) candidates.add(rs.getLong(1));
        }
      }
      try (PreparedStatement claim = c.prepareStatement("UPDATE webhook_delivery SET claimed_until = ? WHERE id = ? "
              + "AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)");
          PreparedStatement read = c.prepareStatement("SELECT d.id, d.webhook_id, d.attempts, w.url, w.secret, a.id AS alert_id, "
              + "a.case_id, a.gemeente, a.code, a.omschrijving, a.alert_level, a.due, a.responsible, a.raised_at "
              + "FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id JOIN alert a ON a.id = d.alert_id WHERE d.id = ?")) {
        for (long id : candidates) {
          Jdbc.setInstant(claim, 1, now.plus(claimFor));
          claim.setLong(2, id);
          Jdbc.setInstant(claim, 3, now);
          if (claim.executeUpdate() != 1) continue;
          read.setLong(1, id);
          try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) continue;
            claimed.add(new Due(id, rs.getLong("webhook_id"), rs.getString("url"), rs.getString("secret"), rs.getInt("attempts"),
                new AlertView(rs.getLong("alert_id"), rs.getString("case_id"), rs.getString("gemeente"), rs.getString("code"),
                    rs.getString("omschrijving"), AlertLevel.valueOf(rs.getString("alert_level")),
                    rs.getObject("due", LocalDate.class), rs.getString("responsible"), Jdbc.getInstant(rs, "raised_at"))));
          }
        }
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
    return claimed;
  }

  /** The endpoint took delivery {@code id} (answered {@code status}, a 2xx). */
  public void delivered(long id, int status, Instant at) {
    update("UPDATE webhook_delivery SET state = 'DELIVERED', attempts = attempts + 1, last_status = ?, last_error = NULL, "
        + "delivered_at = ?, claimed_until = NULL WHERE id = ?", ps -> {
      ps.setInt(1, status);
      Jdbc.setInstant(ps, 2, at);
      ps.setLong(3, id);
    });
  }

  /** An attempt failed; the delivery is tried again at {@code retryAt}, or never (FAILED) when that is null. */
  public void attemptFailed(long id, Integer status, String error, Instant retryAt) {
    update("UPDATE webhook_delivery SET state = ?, attempts = attempts + 1, last_status = ?, last_error = ?, "
        + "next_attempt_at = COALESCE(?, next_attempt_at), claimed_until = NULL WHERE id = ?", ps -> {
      ps.setString(1, retryAt == null ? "FAILED" : "PENDING");
      if (status == null) ps.setNull(2, Types.INTEGER);
      else ps.setInt(2, status);
      ps.setString(3, error == null ? null : error.substring(0, Math.min(500, error.length())));
      Jdbc.setInstant(ps, 4, retryAt);
      ps.setLong(5, id);
    });
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  private <T> T inTransaction(Work<T> work) {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private void update(String sql, Binder binder) {
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private List<WebhookView> views(String sql, long id) {
    List<WebhookView> views = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (id >= 0) ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          views.add(new WebhookView(rs.getLong("id"), rs.getString("gemeente"), rs.getString("alert_level"), rs.getString("url"), null,
              Jdbc.getInstant(rs, "created_at"), rs.getBoolean("active"), rs.getLong("pending"), rs.getLong("delivered"),
              rs.getLong("failed")));
        }
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
    return views;
  }

  private static DatabaseUnavailableException unavailable(SQLException e) {
    return new DatabaseUnavailableException("cannot reach the webhooks: " + e.getMessage(), e);
  }
}
