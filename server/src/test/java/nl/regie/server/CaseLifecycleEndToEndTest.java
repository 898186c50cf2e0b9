package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regie.persistence.TestDatabase;
import nl.regie.server.cases.CaseEntity;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real server on PostgreSQL, over HTTP: a case from melding to stop, a restart, the same case
 * read back; a passivated case coming back whole; and the answers to bad requests.
 */
class CaseLifecycleEndToEndTest {

  static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create(CaseLifecycleEndToEndTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  static RegieServer start(Map<String, Object> overrides) {
    return RegieServer.start(TestServers.config(database.settings(), overrides));
  }

  @Test
  void walksACaseFromMeldingToStopAndReadsItBackAfterARestart() {
    String caseId;
    JsonNode before;
    try (RegieServer server = start(Map.of())) {
      RegieClient client = new RegieClient(server.httpAddress().getPort());
      RegieClient.Response created = client.post("/api/v1/cases",
          "{\"bsn\":\"999993653\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-24\","
              + "\"client\":{\"naam\":{\"achternaam\":\"Jansen\",\"voorletters\":\"P\"},\"geboortedatum\":\"1960-03-01\",\"geslacht\":\"1\","
              + "\"adres\":{\"straatnaam\":\"Markt\",\"huisnummer\":1,\"postcode\":\"5911AB\",\"plaatsnaam\":\"Venlo\"}}}");
      assertEquals(201, created.status(), created.body());
      caseId = created.json().get("caseId").asText();
      assertEquals("/api/v1/cases/" + caseId, created.header("Location"));
      assertEquals("MELDING", created.json().get("fase").asText());
      assertEquals("Jansen", created.json().at("/client/naam/achternaam").asText());

      String path = "/api/v1/cases/" + caseId + "/";
      assertEquals("SCREENING", ok(client.post(path + "screening-starten", "{}")).get("fase").asText());
      assertEquals("ONDERZOEK", ok(client.post(path + "screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"0983\"}")).get("fase").asText());
      assertEquals("inwoner", ok(client.post(path + "onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-12-01\"}")).get("aanZet").asText());
      assertEquals("backoffice", ok(client.post(path + "aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-12-05\"}")).get("aanZet").asText());
      JsonNode toegewezen = ok(client.post(path + "toewijzen",
          "{\"beschiktOp\":\"2026-12-10\",\"toewijzingen\":["
              + "{\"product\":\"02A02\",\"aanbieder\":\"12345678\",\"ingangsdatum\":\"2027-01-01\",\"einddatum\":\"2027-12-31\",\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}},"
              + "{\"product\":\"01B04\",\"aanbieder\":\"87654321\",\"ingangsdatum\":\"2027-01-01\",\"einddatum\":\"2027-12-31\",\"omvang\":{\"volume\":3,\"eenheid\":\"04\",\"frequentie\":\"2\"}}]}"));
      assertEquals("TOEWIJZING", toegewezen.get("fase").asText());
      long begeleiding = toegewezen.at("/toewijzingen/0/toewijzingNummer").asLong();
      long huishouden = toegewezen.at("/toewijzingen/1/toewijzingNummer").asLong();
      assertTrue(begeleiding != huishouden && begeleiding > 0 && begeleiding <= 999_999_999L);

      assertEquals("ZORG", ok(client.post(path + "zorg-gestart", "{\"toewijzingNummer\":\"" + begeleiding + "\",\"begindatum\":\"2027-01-03\"}")).get("fase").asText());
      ok(client.post(path + "zorg-gestart", "{\"toewijzingNummer\":" + huishouden + ",\"begindatum\":\"2027-01-04\"}"));
      assertEquals("ZORG", ok(client.post(path + "zorg-gestopt", "{\"toewijzingNummer\":" + begeleiding + ",\"einddatum\":\"2027-06-30\",\"reden\":\"19\"}")).get("fase").asText());
      before = ok(client.post(path + "zorg-gestopt", "{\"toewijzingNummer\":" + huishouden + ",\"einddatum\":\"2027-07-31\",\"reden\":\"02\"}"));
      assertEquals("STOP", before.get("fase").asText());
      assertEquals(12, before.get("history").size(), "ten steps and a WMO301 to each of the two aanbieders");
      assertEquals(2, java.util.stream.StreamSupport.stream(before.get("history").spliterator(), false)
          .filter(h -> h.get("type").asText().equals("WMO301_VERSTUURD")).count());
      assertTrue(before.get("version").asInt() >= 10, "deadline bookkeeping counts too");
      assertTrue(before.get("deadlines").size() > 0, "the regeling's deadlines were set");
    }

    try (RegieServer restarted = start(Map.of())) {
      RegieClient client = new RegieClient(restarted.httpAddress().getPort());
      JsonNode after = ok(client.get("/api/v1/cases/" + caseId));
      assertEquals(before, after, "the case reads back the same after a restart");
      RegieClient.Response refused = client.post("/api/v1/cases/" + caseId + "/intrekken", "{\"reden\":\"te laat\"}");
      assertEquals(409, refused.status());
      assertEquals(after, ok(client.get("/api/v1/cases/" + caseId)), "a refusal changes nothing");
    }
  }

  @Test
  void aPassivatedCaseComesBackWithItsFullState() {
    try (RegieServer server = start(Map.of("regie.cases.passivate-after", "1s"))) {
      RegieClient client = new RegieClient(server.httpAddress().getPort());
      JsonNode created = ok(client.post("/api/v1/cases",
          "{\"bsn\":\"999993653\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"veilig-thuis\",\"meldingOp\":\"2026-11-24\"}"));
      String caseId = created.get("caseId").asText();
      JsonNode screening = ok(client.post("/api/v1/cases/" + caseId + "/screening-starten", ""));

      TestProbe<CurrentShardRegionState> probe = TestProbe.create(server.system());
      probe.awaitAssert(Duration.ofSeconds(15), Duration.ofMillis(200), () -> {
        ClusterSharding.get(server.system()).shardState().tell(new GetShardRegionState(CaseEntity.KEY, probe.getRef()));
        Set<String> live = probe.receiveMessage().getShards().stream()
            .flatMap(shard -> shard.getEntityIds().stream()).collect(Collectors.toSet());
        assertTrue(!live.contains(caseId), "still in memory: " + live);
        return null;
      });

      assertEquals(screening, ok(client.get("/api/v1/cases/" + caseId)));
    }
  }

  @Test
  void answersBadRequestsWithProblemsAndChangesNothing() {
    try (RegieServer server = start(Map.of())) {
      RegieClient client = new RegieClient(server.httpAddress().getPort());
      JsonNode created = ok(client.post("/api/v1/cases",
          "{\"bsn\":\"999993653\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-24\"}"));
      String path = "/api/v1/cases/" + created.get("caseId").asText();

      problem(client.post("/api/v1/cases", "{\"bsn\":\"999993654\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-24\"}"), 400, "bsn");
      problem(client.post("/api/v1/cases", "{\"bsn\":\"999993653\",\"gemeente\":\"0983\",\"regeling\":\"nergens\",\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-24\"}"), 400, "regeling");
      problem(client.post("/api/v1/cases", "{\"bsn\":"), 400, "malformed JSON");
      problem(client.post("/api/v1/cases", "{\"meldingOp\":\"gisteren\"}"), 400, "meldingOp");
      problem(client.post("/api/v1/cases", "text/plain", "hallo"), 415, "application/json");
      problem(client.post("/api/v1/cases", "{\"bsn\":\"" + "9".repeat(300_000) + "\"}"), 413, "");
      problem(client.post(path + "/toewijzen", "{\"beschiktOp\":\"2026-12-10\",\"toewijzingen\":[]}"), 400, "toewijzingen");
      problem(client.post(path + "/toewijzen", "{\"beschiktOp\":\"2026-12-10\",\"toewijzingen\":[{\"product\":\"01B04\",\"aanbieder\":\"87654321\","
          + "\"ingangsdatum\":\"2027-01-01\",\"omvang\":{\"volume\":3,\"eenheid\":\"04\",\"frequentie\":\"2\"}}]}"), 400, "CD076");
      problem(client.post(path + "/zorg-gestart", "{\"toewijzingNummer\":1,\"begindatum\":\"2027-01-03\"}"), 409, "zorg-gestart is not allowed in fase MELDING");
      problem(client.post(path + "/vliegen", "{}"), 404, "unknown action");
      problem(client.get("/api/v1/cases/" + java.util.UUID.randomUUID()), 404, "no case");
      problem(client.get("/api/v1/cases/niet-een-id"), 404, "no case");
      problem(client.get("/api/v2/cases"), 404, "");
      problem(client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.httpAddress().getPort() + path)).DELETE()), 405, "");

      assertEquals(created, ok(client.get(path)), "no refused request changed the case");
    }
  }

  @Test
  void aToewijzingNummerInUseElsewhereIsRefused() throws Exception {
    try (RegieServer server = start(Map.of())) {
      RegieClient client = new RegieClient(server.httpAddress().getPort());
      String caseId = ok(client.post("/api/v1/cases",
          "{\"bsn\":\"999993653\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-01\"}"))
          .get("caseId").asText();
      String path = "/api/v1/cases/" + caseId + "/";
      ok(client.post(path + "screening-starten", "{}"));
      ok(client.post(path + "screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"0983\"}"));
      ok(client.post(path + "onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-11-10\"}"));
      JsonNode before = ok(client.post(path + "aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-11-12\"}"));
      // Numbers imported from an earlier system sit in the routing index ahead of the sequence.
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(database.settings().url(), database.settings().user(), "");
          java.sql.Statement st = c.createStatement()) {
        java.sql.ResultSet rs = st.executeQuery("SELECT nextval('toewijzing_nummer')");
        rs.next();
        long next = rs.getLong(1) + 1;
        st.executeUpdate("INSERT INTO toewijzing_index (nummer, case_id) VALUES (" + next + ", 'ingevoerd-uit-oud-systeem')");
      }
      String body = "{\"beschiktOp\":\"2026-11-20\",\"toewijzingen\":[{\"product\":\"02A02\",\"aanbieder\":\"12345678\","
          + "\"ingangsdatum\":\"2026-12-01\",\"einddatum\":\"2027-11-30\",\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}";
      problem(client.post(path + "toewijzen", body), 409, "9332");
      assertEquals(before, ok(client.get("/api/v1/cases/" + caseId)), "nothing was assigned");
      assertEquals("TOEWIJZING", ok(client.post(path + "toewijzen", body)).get("fase").asText(), "the next number is free");
    }
  }

  @Test
  void isReadyWhenTheJournalAndShardingAre() {
    try (RegieServer server = start(Map.of())) {
      RegieClient client = new RegieClient(server.httpAddress().getPort());
      assertEquals(200, client.get("/health/alive").status());
      RegieClient.Response ready = client.get("/health/ready");
      assertEquals(200, ready.status(), ready.body());
      assertTrue(ready.json().get("journal").asBoolean());
      assertTrue(ready.json().get("sharding").asBoolean());
    }
  }

  static JsonNode ok(RegieClient.Response response) {
    assertTrue(response.status() == 200 || response.status() == 201, response.status() + " " + response.body());
    assertEquals("application/json", response.contentType());
    return response.json();
  }

  static void problem(RegieClient.Response response, int status, String detailContains) {
    assertEquals(status, response.status(), response.body());
    assertEquals("application/problem+json", response.contentType());
    assertNotNull(response.json().get("type"));
    assertNotNull(response.json().get("title"));
    assertEquals(status, response.json().get("status").asInt());
    String detail = response.json().path("detail").asText();
    assertTrue(detail.contains(detailContains), detail);
  }
}
