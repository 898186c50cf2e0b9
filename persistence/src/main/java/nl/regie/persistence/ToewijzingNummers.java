package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out iWmo ToewijzingNummers from one database sequence, so that they stay unique across the
 * cluster. Numbers of a refused toewijzing are not reused: gaps are allowed, duplicates are not.
 * Blocking: call it off the actors' threads.
 */
public final class ToewijzingNummers {

  private final Database database;

  public ToewijzingNummers(Database database) {
    this.database = database;
  }

  public List<Long> next(int count) {
    String sql =
        switch (database.vendor()) {
          case POSTGRESQL -> "SELECT nextval('toewijzing_nummer')";
          case H2 -> "SELECT NEXT VALUE FOR toewijzing_nummer";
        };
    List<Long> numbers = new ArrayList<>(count);
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < count; i++) {
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          numbers.add(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot draw a toewijzingnummer: " + e.getMessage(), e);
    }
    return numbers;
  }
}
