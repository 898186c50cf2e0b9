package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.regie.server.testing.Acknowledged;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.OwnPostgres;
import nl.regie.server.testing.ServerProcess;
import nl.regie.server.testing.Traffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops under load and comes back. Meanwhile every request gets an answer within the
 * ask timeout, a success or a 503 with a problem+json body, never a 500; once the database is
 * back the server serves again within seconds, all the way through: new cases and cases that must
 * recover from snapshot and journal (no circuit breaker left open, no case left waiting), the
 * outbox and the alerts (the projections run again). PostgreSQL here is one of the test's own,
 * so that the suite's database stays up.
 */
class DatabaseOutageIT {

  static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
  static final Duration OUTAGE = Duration.ofSeconds(8);

  // Kept when the test fails, with the server's log in it.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dataDir;

  @Test
  void aDatabaseThatStopsAndStartsUnderLoadGets503sAndThenServesAgain() throws Exception {
    try (OwnPostgres postgres = OwnPostgres.start("regie")) {
      int port = ServerProcess.freePort();
      Path log = dataDir.resolve("server.log");
      try (ServerProcess server = ServerProcess.startPackaged(port, Map.of(
          "REGIE_DB_URL", postgres.url("regie"), "REGIE_DB_USER", "postgres", "REGIE_DATA_DIR", dataDir.toString(),
          "REGIE_CLOCK", "virtual", "REGIE_CLOCK_START", "2026-12-01T09:00:00+01:00",
          "REGIE_ASK_TIMEOUT", ASK_TIMEOUT.toSeconds() + "s", "REGIE_SNAPSHOT_EVERY", "4",
          // Cases leave memory soon, so that afterwards they must recover through the snapshot store and the journal.
          "REGIE_PASSIVATE_AFTER", "5s"), log)) {
        RegieClient client = new RegieClient(port);
        Acknowledged acknowledged = new Acknowledged();
        Traffic traffic = Traffic.start(port, acknowledged, 8, "PT2H");
        Thread.sleep(4_000);
        postgres.stopImmediately();
        Thread.sleep(OUTAGE.toMillis());
        postgres.start();
        long back = System.nanoTime();
        Await.until(Duration.ofSeconds(30), () -> walkToToewijzing(client), ok -> ok, "a case walked to its toewijzing after the outage");
        long servingAfterMillis = (System.nanoTime() - back) / 1_000_000;
        Thread.sleep(4_000);
        traffic.close();

        List<Traffic.Exchange> exchanges = traffic.exchanges();
        List<Traffic.Exchange> wrong = exchanges.stream()
            .filter(e -> e.status() != 503 ? e.status() < 0 || e.status() >= 500 : !e.contentType().startsWith("application/problem+json"))
            .toList();
        assertEquals(List.of(), wrong, "only successes and problem+json 503s");
        List<Traffic.Exchange> slow = exchanges.stream().filter(e -> e.millis() > ASK_TIMEOUT.toMillis() + 2_000).toList();
        assertEquals(List.of(), slow, "nothing waits much past the ask timeout");
        long unavailable = exchanges.stream().filter(e -> e.status() == 503).count();
        System.out.printf("%d exchanges, %d of them 503, serving again %d ms after the database came back%n",
            exchanges.size(), unavailable, servingAfterMillis);
        assertTrue(unavailable > 0, "the outage was noticed: " + exchanges.size() + " exchanges");
        assertTrue(servingAfterMillis < 15_000, "serving again " + servingAfterMillis + " ms after the database came back");
        // Every case answers again, also those that failed to write when the database went and were restarting.
        assertEquals(List.of(), acknowledged.lostOn(client), "see " + log);

        // The projections run again: the outbox and the alerts take what happens after the outage.
        String caseId = walkedCase(client, Traffic.SILENT.agb());
        Await.until(Duration.ofSeconds(20), () -> client.get("/iwmo/v1/berichten?aanbieder=" + Traffic.SILENT.agb()).json()
            .findValuesAsText("caseId").contains(caseId), found -> found, "the WMO301 of a case made after the outage");
        assertEquals(200, client.post("/admin/v1/clock", "{\"advance\":\"P30D\"}").status());
        Await.until(Duration.ofSeconds(30), () -> client.get("/api/v1/alerts?code=D8&level=MISSED&caseId=" + caseId).json().get("items").size(),
            n -> n == 1, "D8 missed for the case made after the outage");
      }
    }
  }

  private static boolean walkToToewijzing(RegieClient client) {
    try {
      return walkedCase(client, Traffic.ANSWERING.agb()) != null;
    } catch (AssertionError | RuntimeException notYet) {
      return false;
    }
  }

  private static String walkedCase(RegieClient client, String aanbieder) {
    RegieClient.Response created = client.post("/api/v1/cases", "{\"bsn\":\"999993653\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\","
        + "\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-20\",\"client\":{\"naam\":{\"achternaam\":\"Jansen\",\"voorletters\":\"P\"},"
        + "\"geboortedatum\":\"1960-03-01\",\"geslacht\":\"1\",\"adres\":{\"straatnaam\":\"Markt\",\"huisnummer\":1,\"postcode\":\"5911AB\","
        + "\"plaatsnaam\":\"Venlo\"}}}");
    assertEquals(201, created.status(), created.body());
    String caseId = created.json().get("caseId").asText();
    String path = "/api/v1/cases/" + caseId + "/";
    for (String[] action : new String[][] {
        {"screening-starten", "{}"},
        {"screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"0983\"}"},
        {"onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-11-24\"}"},
        {"aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-11-25\"}"},
        {"toewijzen", "{\"beschiktOp\":\"2026-11-30\",\"toewijzingen\":[{\"product\":\"02A02\",\"aanbieder\":\"" + aanbieder + "\","
            + "\"ingangsdatum\":\"2026-11-30\",\"einddatum\":\"2027-11-29\",\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}"}}) {
      RegieClient.Response answer = client.post(path + action[0], action[1]);
      assertEquals(200, answer.status(), action[0] + ": " + answer.body());
    }
    return caseId;
  }
}
