package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Draws values from a database sequence: unique across every node of the cluster. */
final class Sequences {

  private Sequences() {}

  static List<Long> next(Database database, String sequence, int count) {
    String sql = switch (database.vendor()) {
      case POSTGRESQL -> "SELECT nextval('" + sequence + "')";
      case H2 -> "SELECT NEXT VALUE FOR " + sequence;
    };
    List<Long> values = new ArrayList<>(count);
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < count; i++) {
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          values.add(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot draw from " + sequence + ": " + e.getMessage(), e);
    }
    return values;
  }
}
