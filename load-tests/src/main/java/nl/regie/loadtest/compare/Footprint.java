package nl.regie.loadtest.compare;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a database holds: the bytes of its tables (heap, indexes and TOAST: {@code
 * pg_total_relation_size}) and their rows, all tables of schema {@code public}, the journal's rows
 * ({@code event_journal}) among them. Read after {@code VACUUM FULL}, so that dead rows and free
 * space left by updates do not count: the same measure for Regie and the bare stack. Regie's case
 * stream ({@code case_change}, a window its server prunes) is counted apart as well.
 */
public record Footprint(long bytes, long rows, long journalRows, long streamBytes, long streamRows) {

  /** The table of Regie's case stream. */
  static final String STREAM = "case_change";

  /** {@code VACUUM FULL} of the database at {@code url}, then its footprint. */
  public static Footprint afterVacuumFull(String url) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      s.execute("VACUUM FULL");
      return of(s);
    }
  }

  /** This footprint less {@code before}: what was written in between. */
  public Footprint minus(Footprint before) {
    return new Footprint(bytes - before.bytes, rows - before.rows, journalRows - before.journalRows, streamBytes - before.streamBytes,
        streamRows - before.streamRows);
  }

  /**
   * Waits until the database stops changing (its rows and bytes the same at three readings a
   * second apart), as when the server's projections have caught up, at most {@code timeout}.
   *
   * @return whether it came to rest within the timeout
   */
  public static boolean awaitRest(String url, Duration timeout) throws SQLException, InterruptedException {
    long giveUp = System.nanoTime() + timeout.toNanos();
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      Footprint last = of(s);
      int same = 0;
      while (same < 2) {
        if (System.nanoTime() > giveUp) return false;
        Thread.sleep(1000);
        Footprint now = of(s);
        same = now.equals(last) ? same + 1 : 0;
        last = now;
      }
      return true;
    }
  }

  private static Footprint of(Statement s) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet r = s.executeQuery("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'")) {
      while (r.next()) tables.add(r.getString(1));
    }
    long bytes = 0;
    long rows = 0;
    long journal = 0;
    long streamBytes = 0;
    long streamRows = 0;
    for (String table : tables) {
      try (ResultSet r = s.executeQuery("SELECT pg_total_relation_size('" + table + "'), (SELECT count(*) FROM " + table + ")")) {
        r.next();
        bytes += r.getLong(1);
        rows += r.getLong(2);
        if (table.equals("event_journal")) journal = r.getLong(2);
        if (table.equals(STREAM)) {
          streamBytes = r.getLong(1);
          streamRows = r.getLong(2);
        }
      }
    }
    return new Footprint(bytes, rows, journal, streamBytes, streamRows);
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }
}
