package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Where the virtual clock keeps its time, so that a restarted server goes on from there. */
public final class VirtualClockStore {

  private final Database database;

  public VirtualClockStore(Database database) {
    this.database = database;
  }

  public Optional<Instant> load() {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT now_at FROM virtual_clock WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(Jdbc.getInstant(rs, "now_at")) : Optional.empty();
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the virtual clock: " + e.getMessage(), e);
    }
  }

  /** Saves {@code now}; a time before the stored one is not saved (the clock never goes back). */
  public void save(Instant now) {
    try (Connection c = database.dataSource().getConnection()) {
      try (PreparedStatement update = c.prepareStatement("UPDATE virtual_clock SET now_at = ? WHERE id = 1 AND now_at <= ?")) {
        Jdbc.setInstant(update, 1, now);
        Jdbc.setInstant(update, 2, now);
        if (update.executeUpdate() > 0) return;
      }
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO virtual_clock (id, now_at) SELECT 1, ? WHERE NOT EXISTS (SELECT 1 FROM virtual_clock WHERE id = 1)")) {
        Jdbc.setInstant(insert, 1, now);
        if (insert.executeUpdate() == 0) {
          throw new IllegalArgumentException("the virtual clock is past " + now + " already");
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot save the virtual clock: " + e.getMessage(), e);
    }
  }
}
