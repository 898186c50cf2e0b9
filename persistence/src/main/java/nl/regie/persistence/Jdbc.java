package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGStatement;

/**
 * What Regie's stores share on PostgreSQL and H2 alike: moments in and out of {@code TIMESTAMP
 * WITH TIME ZONE} columns, the last id of a table, lists of keys for {@code IN (…)}, and queries
 * that page through growing tables.
 */
final class Jdbc {

  private Jdbc() {}

  static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
  }

  /** The highest {@code id} of {@code table} (one of Regie's own, named in code), or 0 when it is empty. */
  static long lastId(Database database, String table) {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read " + table + ": " + e.getMessage(), e);
    }
  }

  /**
   * A query that pages through a table that grows ({@code id > ? … ORDER BY id LIMIT ?}), planned
   * by PostgreSQL for its parameters and the table's size at every execution. Prepared the usual
   * way, after five executions PostgreSQL may keep one generic plan for good, made for the table as
   * it was then: the alert feed, first run while its table was empty, went on with a sequential
   * scan and a sort of the whole table for every poll (60 ms a poll at 27,000 alerts, and growing,
   * where the primary key reads only the new rows). Planning anew costs a fraction of a
   * millisecond. On H2 it is an ordinary prepared statement.
   */
  static PreparedStatement pageQuery(Connection c, String sql) throws SQLException {
    return unprepared(c, sql);
  }

  /**
   * A statement PostgreSQL plans at every run and does not keep: for paging queries (above), and
   * for statements whose text varies, such as a multi-row insert of as many rows as there are.
   */
  static PreparedStatement unprepared(Connection c, String sql) throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    if (statement.isWrapperFor(PGStatement.class)) statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    return statement;
  }

  /** The most keys in one {@code IN (…)}: well below what either database takes in one statement. */
  static final int CHUNK = 1000;

  /** {@code keys} in lists of at most {@link #CHUNK}, each for one {@code IN (…)}. */
  static List<List<String>> chunks(Collection<String> keys) {
    List<String> all = List.copyOf(keys);
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    return chunks;
  }

  /** {@code n} question marks between commas. */
  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  static Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
