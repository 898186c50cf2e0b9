package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.regie.persistence.BerichtStore.New;
import nl.regie.persistence.BerichtStore.Richting;
import nl.regie.persistence.BerichtStore.Status;
import nl.regie.persistence.BerichtStore.Stored;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BerichtStoreTest {

  private static TestDatabase postgres;
  private static Database database;

  @BeforeAll
  static void createDatabase() {
    postgres = TestDatabase.migrated(BerichtStoreTest.class);
    database = Database.connect(postgres.settings());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
    postgres.close();
  }

  private static New in(String soort, String identificatie) {
    byte[] inhoud = ("{\"berichtsoort\":\"" + soort + "\"}").getBytes(StandardCharsets.UTF_8);
    return new New(Richting.IN, soort, "12345678", "0983", identificatie, LocalDate.of(2026, 11, 26), "json", inhoud,
        "sha-" + identificatie, Instant.parse("2026-11-26T09:00:00Z"), Status.ONTVANGEN, null);
  }

  @Test
  void aBerichtProcessedWithoutARetourHasNoRetourIdAndOneWithARetourHasIt() {
    BerichtStore store = new BerichtStore(database);
    long zonder = store.insert(in("WMO302", "A1"));
    assertEquals(zonder, store.complete(zonder, Optional.empty(), "case-1"));
    Stored verwerkt = store.find(Richting.IN, "12345678", "WMO302", "A1").orElseThrow();
    assertEquals(Status.VERWERKT, verwerkt.status());
    assertNull(verwerkt.retourId(), "a 302 gets no retour: its retour_id is NULL, not 0");

    long met = store.insert(in("WMO305", "A2"));
    long retour = store.complete(met, Optional.of(new New(Richting.UIT, "WMO306", "0983", "12345678", "R1",
        LocalDate.of(2026, 11, 26), "xml", new byte[] {1}, "sha-R1", Instant.parse("2026-11-26T09:00:01Z"), Status.VERZONDEN, "case-1")),
        "case-1");
    assertEquals(retour, store.find(met).orElseThrow().retourId());
    assertNull(store.find(retour).orElseThrow().retourId());
  }
}
