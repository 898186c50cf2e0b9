package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.regie.persistence.AuditPrincipals.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail (NEN 7513): an append-only record of who read or changed which case or bericht.
 * Every request adds a row, so rows are written by group commit: one writer thread takes whatever
 * has queued up, inserts it as one batch in one transaction, and only then completes each row's
 * future. A request waits for its row without paying a transaction of its own; under load a commit
 * carries hundreds of rows.
 */
public final class AuditTrail implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  /** How a request ended, from its status: allowed, refused (403), not found (404), or rejected (other 4xx and 5xx). */
  public enum Outcome { ALLOWED, REFUSED, NOT_FOUND, REJECTED }

  /** One request: who ({@code sub}, its roles, its AGB or gemeenten), from where, what, about what, and how it ended. */
  public record Entry(Instant at, String sub, List<String> roles, String agb, List<String> gemeenten, String address,
      String action, String caseId, String berichtId, Outcome outcome, int status) {}

  /** A stored entry with its id, the cursor of {@link Query#afterId}. */
  public record AuditRow(long id, Instant at, String sub, List<String> roles, String agb, List<String> gemeenten,
      String address, String action, String caseId, String berichtId, Outcome outcome, int status) {}

  /**
   * What to look for; absent fields do not filter. {@code gemeenten} is what the asker may see:
   * null for everything (admin), else the rows about the cases of those gemeenten and the rows of
   * people acting for them.
   */
  public record Query(Set<String> gemeenten, String caseId, String sub, Instant from, Instant to, long afterId, int limit) {}

  private record Pending(Entry entry, CompletableFuture<Void> written) {}

  private static final String CASE_MARK = "{caseId}";
  private static final String BERICHT_MARK = "{berichtId}";

  private static final String INSERT = "INSERT INTO audit (at, principal_id, address, action, case_id, bericht_id, outcome, status) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private final Database database;
  private final AuditPrincipals principals;
  private final BlockingQueue<Pending> queue;
  private final int batchSize;
  private final Thread writer;
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private volatile boolean closed;

  public AuditTrail(Database database) {
    this(database, 20_000, 1_000);
  }

  AuditTrail(Database database, int capacity, int batchSize) {
    this.database = database;
    this.principals = new AuditPrincipals(database.vendor());
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.batchSize = batchSize;
    this.writer = new Thread(this::writeWhileOpen, "regie-audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Adds {@code entry}; the stage completes once its row is committed, or fails when the database
   * cannot take it (at once when rows pile up beyond what the writer can keep).
   */
  public CompletionStage<Void> record(Entry entry) {
    if (closed) return CompletableFuture.failedFuture(new IllegalStateException("the audit trail is closed"));
    Pending pending = new Pending(entry, new CompletableFuture<>());
    if (!queue.offer(pending)) {
      return CompletableFuture.failedFuture(
          new DatabaseUnavailableException("the audit trail cannot keep up: " + queue.size() + " rows wait for the database", null));
    }
    return pending.written();
  }

  /** Transactions written so far (each holding every row that waited), for tests and benchmarks. */
  public long commits() {
    return commits.get();
  }

  /** Rows written so far. */
  public long rows() {
    return rows.get();
  }

  private void writeWhileOpen() {
    List<Pending> batch = new ArrayList<>(batchSize);
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        write(batch);
        commits.incrementAndGet();
        rows.addAndGet(batch.size());
        batch.forEach(p -> p.written().complete(null));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (SQLException | RuntimeException e) {
        DatabaseUnavailableException failure = new DatabaseUnavailableException("cannot write the audit trail: " + e.getMessage(), e);
        batch.forEach(p -> p.written().completeExceptionally(failure));
      } finally {
        batch.clear();
      }
    }
    IllegalStateException closing = new IllegalStateException("the audit trail closed before this row was written");
    queue.forEach(p -> p.written().completeExceptionally(closing));
  }

  private void write(List<Pending> batch) throws SQLException {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        AppendLock.AUDIT.take(c);
        Map<Principal, Long> ids = principals.idsOf(c, batch.stream().map(p -> principal(p.entry())).toList());
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
          for (Pending pending : batch) {
            Entry e = pending.entry();
            Jdbc.setInstant(ps, 1, e.at());
            ps.setLong(2, ids.get(principal(e)));
            ps.setString(3, e.address());
            ps.setString(4, stored(e.action(), e.caseId(), e.berichtId()));
            ps.setString(5, e.caseId());
            ps.setString(6, e.berichtId());
            ps.setString(7, e.outcome().name());
            ps.setInt(8, e.status());
            ps.addBatch();
          }
          ps.executeBatch();
        }
        c.commit();
        principals.remember(ids);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static Principal principal(Entry e) {
    return Principal.of(e.sub(), e.roles(), e.agb(), e.gemeenten());
  }

  public List<AuditRow> find(Query q) {
    if (q.gemeenten() != null && q.gemeenten().isEmpty()) return List.of();
    StringBuilder sql = new StringBuilder("SELECT a.id, at, sub, roles, agb, gemeenten, address, action, case_id, bericht_id, "
        + "outcome, status FROM audit a JOIN audit_principal p ON p.id = a.principal_id WHERE a.id > ?");
    List<Object> params = new ArrayList<>();
    params.add(q.afterId());
    if (q.gemeenten() != null) {
      Set<String> scope = new TreeSet<>(q.gemeenten());
      List<String> or = new ArrayList<>();
      or.add("case_id IN (SELECT case_id FROM case_list WHERE gemeente IN (" + String.join(",", scope.stream().map(g -> "?").toList()) + "))");
      params.addAll(scope);
      for (String gemeente : scope) {
        or.add("p.gemeenten LIKE ?");
        params.add("%," + gemeente + ",%");
      }
      sql.append(" AND (").append(String.join(" OR ", or)).append(")");
    }
    if (q.caseId() != null) {
      sql.append(" AND case_id = ?");
      params.add(q.caseId());
    }
    if (q.sub() != null) {
      sql.append(" AND p.sub = ?");
      params.add(q.sub());
    }
    if (q.from() != null) {
      sql.append(" AND at >= ?");
      params.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
    }
    if (q.to() != null) {
      sql.append(" AND at < ?");
      params.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
    }
    sql.append(" ORDER BY a.id LIMIT ?");
    params.add(q.limit());
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = Jdbc.pageQuery(c, sql.toString())) {
      for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
      List<AuditRow> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) rows.add(row(rs));
      }
      return rows;
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the audit trail: " + e.getMessage(), e);
    }
  }

  private static AuditRow row(ResultSet rs) throws SQLException {
    String agb = rs.getString("agb");
    return new AuditRow(rs.getLong("id"), Jdbc.getInstant(rs, "at"), rs.getString("sub"), split(rs.getString("roles")),
        agb.isEmpty() ? null : agb, split(rs.getString("gemeenten")), rs.getString("address"),
        asked(rs.getString("action"), rs.getString("case_id"), rs.getString("bericht_id")), rs.getString("case_id"),
        rs.getString("bericht_id"), Outcome.valueOf(rs.getString("outcome")), rs.getInt("status"));
  }

  /**
   * The action as stored: the case and bericht ids it names are in their own columns already, so it
   * holds a mark in their place (36 characters of a case id on every row about a case, a tenth of
   * the row). Rows written before hold the whole path and read as they are.
   */
  static String stored(String action, String caseId, String berichtId) {
    String stored = caseId == null ? action : action.replace(caseId, CASE_MARK);
    return berichtId == null ? stored : stored.replace(berichtId, BERICHT_MARK);
  }

  /** The action as it was asked: {@link #stored}'s marks replaced by the row's ids. */
  static String asked(String stored, String caseId, String berichtId) {
    String asked = caseId == null ? stored : stored.replace(CASE_MARK, caseId);
    return berichtId == null ? asked : asked.replace(BERICHT_MARK, berichtId);
  }

  private static List<String> split(String joined) {
    return Arrays.stream(joined.split(",")).filter(s -> !s.isEmpty()).toList();
  }

  /** Writes what is queued, then stops the writer. */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("audit trail: {} rows in {} commits", rows.get(), commits.get());
  }
}
