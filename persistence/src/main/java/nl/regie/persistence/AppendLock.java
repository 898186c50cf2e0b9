package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Makes the ids of a table that readers page through ({@code after=<last id seen>}) become visible
 * in the order they were taken: a transaction that inserts into such a table first locks the
 * table's row of {@code append_lock}, until it commits or rolls back. Without it, a reader paging
 * on from id 12 would never see id 11 of a transaction that took its id earlier and committed later.
 * Writers of one table queue behind each other for the rest of their transaction; keep those short.
 */
public enum AppendLock {
  ALERT("alert"),
  BERICHT("bericht"),
  AUDIT("audit"),
  CASE_CHANGE("case_change");

  private final String row;

  AppendLock(String row) {
    this.row = row;
  }

  /** Takes the lock in {@code c}'s transaction, waiting for the transaction that holds it. */
  public void take(Connection c) throws SQLException {
    if (c.getAutoCommit()) throw new IllegalStateException("the append lock of " + row + " needs a transaction");
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM append_lock WHERE name = ? FOR UPDATE")) {
      ps.setString(1, row);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new IllegalStateException("append_lock has no row " + row + ": the migrations did not run");
      }
    }
  }
}
