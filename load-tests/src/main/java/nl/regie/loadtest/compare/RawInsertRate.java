package nl.regie.loadtest.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The limit a journal works against: how many journal-sized rows PostgreSQL takes per second,
 * inserted by a number of clients, each with its own connection, a given number of rows per
 * commit. The table is pekko-persistence-jdbc's {@code event_journal} (Regie's and the bare
 * stack's alike), each row a case's event of about 360 bytes of JSON, eight events per case.
 */
public final class RawInsertRate {

  /** What one measurement did. */
  public record Result(int clients, int rowsPerCommit, long rows, double seconds) {
    public double rowsPerSecond() {
      return rows / seconds;
    }
  }

  /** The size of one event payload: the bare stack's Jackson-JSON events are about this long. */
  static final int PAYLOAD_BYTES = 360;
  private static final int EVENTS_PER_CASE = 8;
  /** The rows' write_timestamp: a fixed moment (2026-12-07), since only its size matters here. */
  private static final long WRITTEN_AT = 1_796_601_600_000L;

  private static final String JOURNAL_SCHEMA = "/db/migration/postgresql/V1__pekko_journal.sql";

  private final String url;

  /** {@code url}: the JDBC URL of a new, empty database of its own (user postgres); the journal's tables are made there. */
  public RawInsertRate(String url) throws SQLException {
    this.url = url;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      // The journal's own schema, as Regie's migrations create it, so that the rows cost what they cost there.
      s.execute(journalSchema());
    }
  }

  private static String journalSchema() {
    try (InputStream in = RawInsertRate.class.getResourceAsStream(JOURNAL_SCHEMA)) {
      if (in == null) throw new IllegalStateException(JOURNAL_SCHEMA + " is not on the classpath (regie-persistence)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code clients} connections insert for {@code duration}, {@code rowsPerCommit} rows per commit. */
  public Result measure(int clients, int rowsPerCommit, Duration duration) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      List<Future<Long>> inserted = new ArrayList<>();
      for (int i = 0; i < clients; i++) inserted.add(pool.submit(() -> insertUntil(end, rowsPerCommit)));
      long rows = 0;
      for (Future<Long> f : inserted) rows += f.get();
      return new Result(clients, rowsPerCommit, rows, (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  private long insertUntil(long endNanos, int rowsPerCommit) throws SQLException {
    String writer = UUID.randomUUID().toString();
    long rows = 0;
    try (Connection c = connect();
        PreparedStatement insert = c.prepareStatement("INSERT INTO event_journal (persistence_id, sequence_number, writer, write_timestamp,"
            + " event_ser_id, event_ser_manifest, event_payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      String caseId = null;
      while (System.nanoTime() < endNanos) {
        for (int i = 0; i < rowsPerCommit; i++, rows++) {
          int sequence = (int) (rows % EVENTS_PER_CASE) + 1;
          if (sequence == 1) caseId = UUID.randomUUID().toString();
          insert.setString(1, "WmoCase|" + caseId);
          insert.setLong(2, sequence);
          insert.setString(3, writer);
          insert.setLong(4, WRITTEN_AT);
          insert.setInt(5, 33);
          insert.setString(6, "bench.pekko.WmoCase$ZorgIsGestart");
          insert.setBytes(7, payload(caseId, sequence));
          insert.addBatch();
        }
        insert.executeBatch();
        c.commit();
      }
    }
    return rows;
  }

  /** An event as JSON, padded to {@link #PAYLOAD_BYTES}. */
  static byte[] payload(String caseId, int sequence) {
    StringBuilder json = new StringBuilder(PAYLOAD_BYTES).append("{\"caseId\":\"").append(caseId)
        .append("\",\"gemeente\":\"0983\",\"tijdstip\":\"2026-12-07T10:15:30.123Z\",\"correlatieId\":\"")
        .append(UUID.randomUUID()).append("\",\"volgnummer\":").append(sequence).append(",\"toelichting\":\"");
    while (json.length() < PAYLOAD_BYTES - 2) json.append('x');
    return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }
}
