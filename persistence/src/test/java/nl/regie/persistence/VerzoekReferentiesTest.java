package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ReferentieAanbieder is held by one berichtklasse per aanbieder (TR347), on PostgreSQL and H2. */
class VerzoekReferentiesTest {

  static TestDatabase postgres;
  static Database database;

  @BeforeAll
  static void createDatabase() {
    postgres = TestDatabase.migrated(VerzoekReferentiesTest.class);
    database = Database.connect(postgres.settings());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
    postgres.close();
  }

  @Test
  void oneKlassePerAanbiederHoldsAReferenceAndFindsItsOwnClaimAgain() {
    check(new VerzoekReferenties(database));
  }

  @Test
  void behavesTheSameOnEmbeddedH2(@TempDir Path dir) {
    try (Database h2 = Database.connect(DatabaseSettings.embedded(dir, 2))) {
      Migrations.apply(h2);
      check(new VerzoekReferenties(h2));
    }
  }

  private static void check(VerzoekReferenties referenties) {
    String eerste = "12345678/WMO317/V1/Client/Verzoek";
    String tweede = "12345678/WMO315/V2/Client/AangevraagdProduct";
    assertTrue(referenties.claim("12345678", "REF-1", eerste, "case-a"));
    assertTrue(referenties.claim("12345678", "REF-1", eerste, "case-a"), "the same klasse again: its own claim");
    assertFalse(referenties.claim("12345678", "REF-1", tweede, "case-b"), "another klasse of the same aanbieder");
    assertTrue(referenties.claim("87654321", "REF-1", "87654321/WMO317/X/Client/Verzoek", "case-b"),
        "another aanbieder may use the same reference");
    assertEquals(Optional.of(eerste), referenties.holder("12345678", "REF-1"));

    referenties.release("12345678", "REF-1", tweede);
    assertEquals(Optional.of(eerste), referenties.holder("12345678", "REF-1"), "only the holder gives it back");
    referenties.release("12345678", "REF-1", eerste);
    assertEquals(Optional.empty(), referenties.holder("12345678", "REF-1"));
    assertTrue(referenties.claim("12345678", "REF-1", tweede, "case-b"), "a released reference is free again");
  }
}
