package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

  private static TestDatabase postgres;

  @BeforeAll
  static void createDatabase() {
    postgres = TestDatabase.migrated(MigrationsTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    postgres.close();
  }

  @Test
  void createsTheJournalAndRegiesTablesOnPostgresOnceOnly() throws Exception {
    try (Database database = Database.connect(postgres.settings())) {
      assertEquals(0, Migrations.apply(database), "a second run applies nothing");
      assertTrue(tables(database).containsAll(Set.of("event_journal", "event_tag", "snapshot")));
      assertEquals(0, new CaseChanges(database).horizon(), "the case stream's horizon, nothing pruned");
    }
  }

  @Test
  void createsTheSameSchemaOnEmbeddedH2(@TempDir Path dir) throws Exception {
    try (Database database = Database.connect(DatabaseSettings.embedded(dir, 2))) {
      assertTrue(Migrations.apply(database) >= 2, "journal and own tables");
      assertTrue(tables(database).containsAll(Set.of("event_journal", "event_tag", "snapshot")));
      assertEquals(0, new CaseChanges(database).horizon(), "the case stream's horizon, nothing pruned");
      List<Long> numbers = new ToewijzingNummers(database).next(3);
      assertEquals(3, new HashSet<>(numbers).size());
    }
    assertTrue(Files.exists(dir.resolve("regie.mv.db")), "the H2 file lives in the data folder");
  }

  @Test
  void theFourCaseEventProjectionsBecomeOneThatStartsWhereTheSlowestWasOnPostgres() throws Exception {
    try (TestDatabase old = TestDatabase.create(MigrationsTest.class); Database database = Database.connect(old.settings())) {
      projectionsBecomeOne(database);
    }
  }

  @Test
  void theFourCaseEventProjectionsBecomeOneThatStartsWhereTheSlowestWasOnH2(@TempDir Path dir) throws Exception {
    try (Database database = Database.connect(DatabaseSettings.embedded(dir, 2))) {
      projectionsBecomeOne(database);
    }
  }

  /** Slice case-0: all four at different offsets (one past 9, so that text order would be wrong); case-1: the CAK not begun. */
  private static void projectionsBecomeOne(Database database) throws Exception {
    Migrations.apply(database, "18");
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      for (String row : List.of("'deadlines', 'case-0', '120'", "'berichten', 'case-0', '98'", "'case-list', 'case-0', '130'",
          "'cak', 'case-0', '101'", "'deadlines', 'case-1', '50'", "'berichten', 'case-1', '50'", "'case-list', 'case-1', '50'")) {
        s.execute("INSERT INTO \"pekko_projection_offset_store\" (\"projection_name\", \"projection_key\", \"current_offset\", "
            + "\"manifest\", \"mergeable\", \"last_updated\") VALUES (" + row + ", 'SEQ', FALSE, 1)");
      }
    }
    Migrations.apply(database);
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"projection_name\", \"projection_key\", \"current_offset\", \"manifest\" "
            + "FROM \"pekko_projection_offset_store\"")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
      assertEquals(List.of("case-events case-0 98 SEQ"), rows);
    }
  }

  @Test
  void toewijzingNummersAreUniqueAndAtMostNineDigits() {
    try (Database database = Database.connect(postgres.settings())) {
      ToewijzingNummers nummers = new ToewijzingNummers(database);
      List<Long> first = nummers.next(5);
      List<Long> second = nummers.next(5);
      Set<Long> all = new HashSet<>(first);
      all.addAll(second);
      assertEquals(10, all.size());
      assertTrue(all.stream().allMatch(n -> n > 0 && n <= 999_999_999L));
    }
  }

  @Test
  void anUnreachableDatabaseFailsAtOnceWithOneLine() {
    DatabaseSettings nowhere =
        new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none", "postgres", "", 1);
    DatabaseUnavailableException e =
        assertThrows(DatabaseUnavailableException.class, () -> Database.connect(nowhere));
    assertTrue(e.getMessage().startsWith("cannot reach the database at jdbc:postgresql://127.0.0.1:1/none"));
    assertEquals(1, e.getMessage().lines().count());
  }

  private static Set<String> tables(Database database) throws Exception {
    Set<String> names = new HashSet<>();
    try (Connection c = database.dataSource().getConnection();
        ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) names.add(rs.getString("TABLE_NAME"));
    }
    return names;
  }
}
