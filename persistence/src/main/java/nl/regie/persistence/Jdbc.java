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

/**
 * What Regie's stores share on PostgreSQL and H2 alike: moments in and out of {@code TIMESTAMP
 * WITH TIME ZONE} columns, the last id of a table, and lists of keys for {@code IN (…)}.
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
