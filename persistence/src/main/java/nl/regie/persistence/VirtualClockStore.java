package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the virtual clock keeps its time: one row, shared by every node of a cluster, so that a
 * restarted server goes on from there and a move made through any node is the cluster's time.
 */
public final class VirtualClockStore {

  /** How often a move is tried again after another node inserted the first row at the same moment. */
  private static final int ATTEMPTS = 3;
  /** SQLSTATE of a unique or primary key violation, on PostgreSQL and H2 alike. */
  private static final String UNIQUE_VIOLATION = "23505";

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

  /**
   * Moves the clock from the stored time (empty when none is stored yet) to {@code next} of it, in
   * one transaction that holds the row, so that two nodes moving at once each move from the other's
   * time and neither is lost.
   *
   * @return the time now stored
   * @throws IllegalArgumentException when {@code next} is before the stored time (the clock never
   *     goes back); nothing is saved
   */
  public Instant move(Function<Optional<Instant>, Instant> next) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = database.dataSource().getConnection()) {
        c.setAutoCommit(false);
        try {
          Instant moved = move(c, next);
          c.commit();
          return moved;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        // Two nodes starting on an empty database both insert the first row: the one that lost moves from the winner's time.
        if (attempt < ATTEMPTS && UNIQUE_VIOLATION.equals(e.getSQLState())) continue;
        throw new DatabaseUnavailableException("cannot save the virtual clock: " + e.getMessage(), e);
      }
    }
  }

  private static Instant move(Connection c, Function<Optional<Instant>, Instant> next) throws SQLException {
    Optional<Instant> stored;
    try (PreparedStatement select = c.prepareStatement("SELECT now_at FROM virtual_clock WHERE id = 1 FOR UPDATE");
        ResultSet rs = select.executeQuery()) {
      stored = rs.next() ? Optional.of(Jdbc.getInstant(rs, "now_at")) : Optional.empty();
    }
    Instant target = next.apply(stored);
    if (stored.isPresent() && target.isBefore(stored.get())) {
      throw new IllegalArgumentException("the virtual clock never goes back: it is " + stored.get() + ", not " + target);
    }
    try (PreparedStatement write = c.prepareStatement(stored.isPresent()
        ? "UPDATE virtual_clock SET now_at = ? WHERE id = 1"
        : "INSERT INTO virtual_clock (id, now_at) VALUES (1, ?)")) {
      Jdbc.setInstant(write, 1, target);
      write.executeUpdate();
    }
    return target;
  }
}
