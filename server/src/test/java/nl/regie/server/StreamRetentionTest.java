package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.Database;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.api.CaseChangeView;
import nl.regie.server.access.Role;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.StreamClient;
import nl.regie.server.testing.StreamClient.Event;
import nl.regie.server.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The case stream's window on the real server, driven by the virtual clock: a week after a case's
 * changes a move of the clock prunes them and records the horizon; a client that asks for changes
 * from before the horizon (SSE ?from= or Last-Event-ID, WebSocket ?from=) gets a reset naming it
 * and its stream ends, and a client that resumes after the horizon gets every change kept, in
 * order. The alert stream is a record and keeps everything. The prune interval is an hour, so only
 * the clock's moves prune.
 */
class StreamRetentionTest {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final String VENLO = "0983";

  static TestDatabase database;
  static Database direct;
  static RegieServer server;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(StreamRetentionTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of(
        "regie.streams.case-retention", "7d", "regie.streams.prune-interval", "1h")));
    direct = Database.connect(database.settings());
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (direct != null) direct.close();
    database.close();
  }

  static int port() {
    return server.httpAddress().getPort();
  }

  static RegieClient as(String token) {
    return new RegieClient(port()).withToken(token);
  }

  @Test
  void aClientBelowTheHorizonGetsAResetAndOneAfterItEveryChangeKept() {
    String token = TestTokens.of(Role.BACKOFFICE, VENLO);
    CaseChanges changes = new CaseChanges(direct);
    // A melding of September: its D3 is missed at once, so it has an alert too.
    String old = CaseWalk.melding(as(TestTokens.of(Role.TOEGANG, VENLO)), VENLO);
    long oldOffset = Await.until(PATIENCE, () -> offsetOf(changes, old), offset -> offset > 0, "the first case in the case stream");
    assertEquals(0, changes.horizon());

    // Eight days later the first case's changes are past the week's window.
    assertEquals(200, as(TestTokens.admin()).post("/admin/v1/clock", "{\"set\":\"2026-12-04T10:00:00+01:00\"}").status());
    long horizon = Await.until(PATIENCE, changes::horizon, h -> h >= oldOffset, "the prune after the clock's move");
    assertEquals(-1, offsetOf(changes, old), "the first case's changes are gone");
    String recent;
    // From the horizon, not from the feed's head: the prune may have removed the first case's change
    // before the feed read it, and a subscriber starting at a head from before that gets a reset.
    try (StreamClient live = sse("/api/v1/stream/cases?from=" + horizon, token, Map.of())) {
      recent = CaseWalk.melding(as(TestTokens.of(Role.TOEGANG, VENLO)), VENLO, "2026-12-04");
      // Once it has the new case, the node's feed has polled after the prune: it knows the first
      // case's changes are gone from the table (and may hold them in memory still).
      live.until(e -> recent.equals(e.data().path("caseId").asText()), PATIENCE);
    }
    long recentOffset = offsetOf(changes, recent);
    assertEquals(horizon, changes.horizon(), "a change of now is kept");
    List<String> kept = changes.after(horizon, 1000).stream().filter(c -> c.offset() <= recentOffset)
        .map(c -> Long.toString(c.offset())).toList();
    assertTrue(kept.contains(Long.toString(recentOffset)), kept.toString());

    try (StreamClient fromZero = sse("/api/v1/stream/cases?from=0", token, Map.of());
        StreamClient lastEventId = sse("/api/v1/stream/cases", token, Map.of("Last-Event-ID", Long.toString(horizon - 1)));
        StreamClient webSocket = StreamClient.webSocket(port(), "/ws/v1/cases?from=0&access_token=" + token)) {
      for (StreamClient client : List.of(fromZero, lastEventId, webSocket)) {
        Event reset = client.next(PATIENCE);
        assertEquals("reset", reset.type(), reset.toString());
        assertEquals("reset", reset.data().get("type").asText());
        assertEquals(horizon, reset.data().get("offset").asLong());
        assertTrue(reset.data().get("detail").asText().contains("resume after offset " + horizon), reset.toString());
        assertEquals("closed", client.next(PATIENCE).type(), "the stream ends");
      }
    }

    try (StreamClient sse = sse("/api/v1/stream/cases?from=" + horizon, token, Map.of());
        StreamClient webSocket = StreamClient.webSocket(port(), "/ws/v1/cases?from=" + horizon + "&access_token=" + token)) {
      for (StreamClient client : List.of(sse, webSocket)) {
        List<String> seen = client.until(e -> Long.toString(recentOffset).equals(e.id()), PATIENCE).stream().map(Event::id).toList();
        assertEquals(kept, seen, "every change kept after the horizon, once and in order");
      }
    }

    // The alert stream is a record: from 0 it still has the first case's alert.
    try (StreamClient alerts = sse("/api/v1/stream/alerts?from=0", TestTokens.of(Role.SUPERVISOR, VENLO), Map.of())) {
      Event first = alerts.next(PATIENCE);
      assertEquals("message", first.type(), first.toString());
      assertEquals(old, first.data().get("caseId").asText());
    }
  }

  /** The offset of the case's first change in the table, or -1. */
  static long offsetOf(CaseChanges changes, String caseId) {
    return changes.after(0, 1000).stream().filter(c -> c.caseId().equals(caseId)).mapToLong(CaseChangeView::offset).findFirst().orElse(-1);
  }

  static StreamClient sse(String path, String token, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Authorization", "Bearer " + token);
    StreamClient client = StreamClient.sse(port(), path, all);
    assertEquals(200, client.status());
    return client;
  }
}
