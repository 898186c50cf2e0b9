package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one entity's rows straight from the event journal (the schema of V1, Pekko Persistence
 * JDBC's), within the caller's transaction. For a read model that must fold an entity it has not
 * kept in memory, without a round trip through the read journal's stream.
 */
public final class JournalRows {

  /** A journal row's event as stored: deserialize it with Pekko's serialization. */
  public record Row(long sequenceNr, int serializerId, String manifest, byte[] payload) {}

  private JournalRows() {}

  /** The rows of {@code persistenceId} up to {@code toSequenceNr}, in order. */
  public static List<Row> of(Connection c, String persistenceId, long toSequenceNr) throws SQLException {
    // Quoted lower-case names: what both PostgreSQL and H2 (Slick quotes them) call the columns.
    String sql = "SELECT \"sequence_number\", \"event_ser_id\", \"event_ser_manifest\", \"event_payload\" FROM \"event_journal\" "
        + "WHERE \"persistence_id\" = ? AND \"sequence_number\" <= ? AND NOT \"deleted\" ORDER BY \"sequence_number\"";
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, persistenceId);
      ps.setLong(2, toSequenceNr);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)));
        }
      }
    }
    return rows;
  }
}
