package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DeclaratieNummers and ReferentieNummers are the aanbieder's, unique across every declaratie
 * (TR333, TR314), and a declaratie sent again keeps its own: on PostgreSQL and on embedded H2.
 */
class DeclaratieNummersTest {

  private static TestDatabase postgres;

  @BeforeAll
  static void createDatabase() {
    postgres = TestDatabase.migrated(DeclaratieNummersTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    postgres.close();
  }

  @Test
  void numbersAreTheAanbiedersOnPostgres() {
    try (Database database = Database.connect(postgres.settings())) {
      numbersAreTheAanbieders(new DeclaratieNummers(database));
    }
  }

  @Test
  void numbersAreTheAanbiedersOnH2(@TempDir Path dir) {
    try (Database database = Database.connect(DatabaseSettings.embedded(dir, 2))) {
      Migrations.apply(database);
      numbersAreTheAanbieders(new DeclaratieNummers(database));
    }
  }

  private static void numbersAreTheAanbieders(DeclaratieNummers nummers) {
    DeclaratieNummers.Bezet vrij = new DeclaratieNummers.Bezet(false, Set.of());
    assertEquals(vrij, nummers.claim("12345678", 1, "DN-1", List.of("RN-1", "RN-2")));
    assertEquals(vrij, nummers.claim("12345678", 1, "DN-1", List.of("RN-1", "RN-2")), "the same declaratie sent again");

    assertEquals(new DeclaratieNummers.Bezet(true, Set.of()), nummers.claim("12345678", 2, "DN-1", List.of("RN-3")),
        "9333: another declaratie with the same DeclaratieNummer");
    assertEquals(vrij, nummers.claim("12345678", 3, "DN-3", List.of("RN-3")), "a refused declaratie claimed nothing");

    assertEquals(new DeclaratieNummers.Bezet(false, Set.of("RN-2")), nummers.claim("12345678", 4, "DN-4", List.of("RN-2", "RN-4")),
        "8021: a ReferentieNummer of an earlier declaratie");
    assertEquals(new DeclaratieNummers.Bezet(false, Set.of("RN-2")), nummers.claim("12345678", 4, "DN-4", List.of("RN-2", "RN-4")),
        "sent again, the same answer: RN-4 is its own");

    assertEquals(vrij, nummers.claim("87654321", 5, "DN-1", List.of("RN-1", "RN-2")), "another aanbieder has numbers of its own");
  }
}
