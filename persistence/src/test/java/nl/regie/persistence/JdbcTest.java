package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A paging query is planned for its parameters every time on PostgreSQL, never with the generic
 * plan PostgreSQL caches for a statement prepared the usual way: made while the table was empty,
 * that plan read the whole alert table for every poll once it had grown (BENCHMARKS.md).
 */
class JdbcTest {

  private static final String PAGE = "SELECT id FROM alert WHERE id > ? ORDER BY id LIMIT ?";

  private static TestDatabase postgres;

  @BeforeAll
  static void createDatabase() {
    postgres = TestDatabase.migrated(JdbcTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    postgres.close();
  }

  @Test
  void aPagingQueryIsNeverGivenACachedGenericPlan() throws Exception {
    try (Database database = Database.connect(postgres.settings()); Connection c = database.dataSource().getConnection()) {
      for (int i = 0; i < 10; i++) {
        try (PreparedStatement ps = Jdbc.pageQuery(c, PAGE)) {
          page(ps);
        }
      }
      assertEquals(0, serverPrepared(c), "the paging query left a prepared statement, and with it a plan, on the server");

      // What it guards against: the same query prepared the usual way, on an empty table.
      try (PreparedStatement ps = c.prepareStatement(PAGE)) {
        for (int i = 0; i < 10; i++) page(ps);
      }
      assertTrue(genericPlans(c) > 0, "PostgreSQL did not fall back to a generic plan here; this test shows nothing");
    }
  }

  private static void page(PreparedStatement ps) throws SQLException {
    ps.setLong(1, 0);
    ps.setInt(2, 100);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) rs.getLong(1);
    }
  }

  private static int serverPrepared(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM alert WHERE id >%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static long genericPlans(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT COALESCE(SUM(generic_plans), 0) FROM pg_prepared_statements WHERE statement LIKE '%FROM alert WHERE id >%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
