package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.regie.persistence.TestDatabase;
import nl.regie.server.access.Role;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.StreamClient.Event;
import nl.regie.server.testing.StreamClient;
import nl.regie.server.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live streams on the real server over HTTP: each party sees the changes and alerts it may see
 * and nothing else, as SSE and as WebSocket; a client that resumes after an offset gets everything
 * after it once and in order, also from a restarted server; the token may ride in the query of a
 * stream only.
 */
class StreamEndToEndTest {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final String VENLO = "0983";
  static final String MAASTRICHT = "0935";
  static final String AGB = "12345678";

  static TestDatabase database;
  static RegieServer server;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(StreamEndToEndTest.class);
    server = RegieServer.start(config());
  }

  /** Heartbeats every second, so that a test sees them. */
  static Config config() {
    return TestServers.config(database.settings(), Map.of("regie.streams.heartbeat", "1s",
        "pekko.http.server.websocket.periodic-keep-alive-max-idle", "1s"));
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    database.close();
  }

  static int port() {
    return server.httpAddress().getPort();
  }

  static StreamClient sse(String path, String token) {
    return sse(path, token, Map.of());
  }

  static StreamClient sse(String path, String token, Map<String, String> headers) {
    var all = new HashMap<>(headers);
    all.put("Authorization", "Bearer " + token);
    StreamClient client = StreamClient.sse(port(), path, all);
    assertEquals(200, client.status());
    return client;
  }

  static RegieClient as(String token) {
    return new RegieClient(port()).withToken(token);
  }

  static String text(Event e, String field) {
    return e.data() != null && e.data().has(field) ? e.data().get(field).asText() : null;
  }

  @Test
  void eachPartySeesTheChangesOfItsOwnCasesAndNothingElse() {
    try (StreamClient venlo = sse("/api/v1/stream/cases", TestTokens.of(Role.BACKOFFICE, VENLO));
        StreamClient maastricht = sse("/api/v1/stream/cases", TestTokens.of(Role.BACKOFFICE, MAASTRICHT));
        StreamClient aanbieder = StreamClient.webSocket(port(), "/ws/v1/cases?access_token=" + TestTokens.aanbieder(AGB))) {
      String caseId = CaseWalk.toegewezen(as(TestTokens.of(Role.TOEGANG, VENLO)), as(TestTokens.of(Role.BACKOFFICE, VENLO)), VENLO, AGB);

      List<Event> seen = venlo.until(e -> caseId.equals(text(e, "caseId")) && "Toegewezen".equals(text(e, "type")), PATIENCE);
      List<Event> ofCase = seen.stream().filter(e -> caseId.equals(text(e, "caseId"))).toList();
      assertEquals("MeldingOntvangen", text(ofCase.get(0), "type"));
      long previous = 0;
      for (Event e : seen) {
        assertEquals(e.id(), text(e, "offset"), "the SSE id is the offset");
        assertTrue(Long.parseLong(e.id()) > previous, "offsets ascend");
        previous = Long.parseLong(e.id());
        assertFalse(e.data().has("bsn"), "no BSN in a stream");
        assertEquals(VENLO, text(e, "gemeente"));
      }
      Event toegewezen = ofCase.get(ofCase.size() - 1);
      assertEquals("TOEWIJZING", text(toegewezen, "fase"));
      assertEquals(List.of(AGB), List.of(toegewezen.data().get("aanbieders").get(0).asText()));
      assertTrue(toegewezen.data().at("/deadlines/open").isInt());

      // The aanbieder sees the case from its toewijzing on, over a WebSocket with the token in the query.
      Event first = aanbieder.until(e -> caseId.equals(text(e, "caseId")), PATIENCE).get(0);
      assertEquals("Toegewezen", text(first, "type"));

      // Maastricht sees none of it: a case of its own made after it comes, and nothing of Venlo's before it.
      String own = CaseWalk.melding(as(TestTokens.of(Role.TOEGANG, MAASTRICHT)), MAASTRICHT);
      List<Event> maastrichts = maastricht.until(e -> own.equals(text(e, "caseId")), PATIENCE);
      assertTrue(Long.parseLong(maastrichts.get(maastrichts.size() - 1).id()) > Long.parseLong(toegewezen.id()));
      assertTrue(maastrichts.stream().allMatch(e -> MAASTRICHT.equals(text(e, "gemeente"))), maastrichts.toString());
    }
  }

  @Test
  void aClientThatResumesGetsEverythingAfterItsOffsetOnceAndInOrderAlsoFromARestartedServer() {
    String token = TestTokens.of(Role.BACKOFFICE, VENLO);
    List<Event> all;
    String caseId;
    try (StreamClient stream = sse("/api/v1/stream/cases?gemeente=" + VENLO, token)) {
      caseId = CaseWalk.toegewezen(as(TestTokens.of(Role.TOEGANG, VENLO)), as(token), VENLO, AGB);
      all = stream.until(e -> caseId.equals(text(e, "caseId")) && "Toegewezen".equals(text(e, "type")), PATIENCE);
    }
    assertTrue(all.size() >= 5, all.toString());
    String resumeAfter = all.get(1).id();
    List<String> expected = all.subList(2, all.size()).stream().map(Event::id).toList();

    try (StreamClient sse = sse("/api/v1/stream/cases?gemeente=" + VENLO, token, Map.of("Last-Event-ID", resumeAfter));
        StreamClient ws = StreamClient.webSocket(port(), "/ws/v1/cases?gemeente=" + VENLO + "&from=" + resumeAfter + "&access_token=" + token)) {
      assertEquals(expected, ids(sse, expected.size()));
      assertEquals(expected, ids(ws, expected.size()));
    }

    // The same from a new server on the same database: the stream is read from the database.
    server.close();
    server = RegieServer.start(config());
    try (StreamClient sse = sse("/api/v1/stream/cases?gemeente=" + VENLO, token, Map.of("Last-Event-ID", resumeAfter))) {
      assertEquals(expected, ids(sse, expected.size()));
      // And then the live tail.
      String next = CaseWalk.melding(as(TestTokens.of(Role.TOEGANG, VENLO)), VENLO);
      List<Event> tail = sse.until(e -> next.equals(text(e, "caseId")), PATIENCE);
      assertEquals("MeldingOntvangen", text(tail.get(tail.size() - 1), "type"));
    }
  }

  static List<String> ids(StreamClient stream, int n) {
    return IntStream.range(0, n).mapToObj(i -> stream.next(PATIENCE).id()).toList();
  }

  @Test
  void aSupervisorGetsTheAlertsOfItsGemeenteAsTheyAreRaised() {
    try (StreamClient alerts = sse("/api/v1/stream/alerts?level=MISSED", TestTokens.of(Role.SUPERVISOR, VENLO));
        StreamClient elsewhere = StreamClient.webSocket(port(), "/ws/v1/alerts?access_token=" + TestTokens.of(Role.SUPERVISOR, MAASTRICHT))) {
      // A melding of September: on the clock's 26 November its D3 is long past, so it is missed at once.
      String caseId = CaseWalk.melding(as(TestTokens.of(Role.TOEGANG, VENLO)), VENLO);
      Event missed = alerts.until(e -> caseId.equals(text(e, "caseId")), PATIENCE).get(0);
      assertEquals("MISSED", text(missed, "level"));
      assertEquals(missed.id(), text(missed, "offset"));
      JsonNode listed = as(TestTokens.of(Role.SUPERVISOR, VENLO)).get("/api/v1/alerts?caseId=" + caseId + "&level=MISSED").json();
      assertEquals(listed.at("/items/0/id").asText(), missed.id(), "the alert of GET /api/v1/alerts, with its id as offset");

      String theirs = CaseWalk.melding(as(TestTokens.of(Role.TOEGANG, MAASTRICHT)), MAASTRICHT);
      List<Event> seen = elsewhere.until(e -> theirs.equals(text(e, "caseId")), PATIENCE);
      assertTrue(seen.stream().noneMatch(e -> caseId.equals(text(e, "caseId"))), seen.toString());
    }
  }

  @Test
  void idleStreamsGetHeartbeats() {
    String token = TestTokens.of(Role.SUPERVISOR, "0307");
    try (StreamClient sse = sse("/api/v1/stream/alerts", token);
        StreamClient ws = StreamClient.webSocket(port(), "/ws/v1/alerts?access_token=" + token)) {
      Await.until(PATIENCE, () -> sse.comments().size() + ":" + ws.pings(),
          seen -> sse.comments().size() >= 2 && ws.pings() >= 2, "two SSE comments and two WebSocket pings");
      assertEquals(List.of(), sse.drain(), "nothing of another gemeente");
    }
  }

  @Test
  void theTokenRidesInTheQueryOfAStreamOnlyAndBadRequestsGetAProblem() {
    String token = TestTokens.of(Role.BACKOFFICE, VENLO);
    RegieClient anonymous = as(null);
    assertEquals(401, anonymous.get("/api/v1/cases?access_token=" + token).status());
    assertEquals(401, anonymous.get("/api/v1/stream/cases").status());
    try (StreamClient stream = StreamClient.sse(port(), "/api/v1/stream/cases?access_token=" + token, Map.of())) {
      assertEquals(200, stream.status());
    }
    assertEquals(403, as(TestTokens.admin()).get("/api/v1/stream/cases").status());
    for (String bad : List.of("?from=-1", "?from=x", "?fase=NERGENS", "?bsn=999993653", "?level=MISSED")) {
      RegieClient.Response response = as(token).get("/api/v1/stream/cases" + bad);
      assertEquals(400, response.status(), bad + ": " + response.body());
      assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
    }
    RegieClient.Response resumed = as(token).send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port() + "/api/v1/stream/cases")).header("Last-Event-ID", "gisteren").GET());
    assertEquals(400, resumed.status());

    // The audit trail has the stream, without its query (and so without the token).
    JsonNode rows = as(TestTokens.admin()).get("/api/v1/audit?sub=test-backoffice-" + VENLO + "&limit=1000").json().get("items");
    boolean found = false;
    for (JsonNode row : rows) {
      assertFalse(row.get("action").asText().contains("access_token"), row.toString());
      found |= row.get("action").asText().equals("GET /api/v1/stream/cases");
    }
    assertTrue(found, rows.toString());
  }
}
