package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
    }
  }

  @Test
  void createsTheSameSchemaOnEmbeddedH2(@TempDir Path dir) throws Exception {
    try (Database database = Database.connect(DatabaseSettings.embedded(dir, 2))) {
      assertTrue(Migrations.apply(database) >= 2, "journal and own tables");
      assertTrue(tables(database).containsAll(Set.of("event_journal", "event_tag", "snapshot")));
      List<Long> numbers = new ToewijzingNummers(database).next(3);
      assertEquals(3, new HashSet<>(numbers).size());
    }
    assertTrue(Files.exists(dir.resolve("regie.mv.db")), "the H2 file lives in the data folder");
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
