package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one entity's rows straight from the event journal (the schema of V1, Pekko Persistence
 * JDBC's), within the caller's transaction. For a read model that must fold an entity it has not
 * kept in memory, without a round trip through the read journal's stream.
 */
public final class JournalRows {

  /** A journal row's event as stored: deserialize it with Pekko's serialization. */
  public record Row(long sequenceNr, int serializerId, String manifest, byte[] payload) {}

  private JournalRows() {}

  /** The rows of each of {@code persistenceIds}, in order, in one query per thousand. */
  public static Map<String, List<Row>> of(Connection c, Collection<String> persistenceIds) throws SQLException {
    Map<String, List<Row>> rows = new HashMap<>();
    for (List<String> chunk : Jdbc.chunks(persistenceIds)) {
      String sql = "SELECT \"persistence_id\", \"sequence_number\", \"event_ser_id\", \"event_ser_manifest\", \"event_payload\" "
          + "FROM \"event_journal\" WHERE \"persistence_id\" IN (" + Jdbc.placeholders(chunk.size()) + ") AND NOT \"deleted\" "
          + "ORDER BY \"persistence_id\", \"sequence_number\"";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                .add(new Row(rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getBytes(5)));
          }
        }
      }
    }
    return rows;
  }
}
