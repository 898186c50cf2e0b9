package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.api.ApiJson;
import nl.regie.server.access.Role;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.TestTokens;
import nl.regie.server.webhook.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alerts reach a supervisor who is not looking: an admin registers webhooks, and each alert of
 * their gemeente (and level) is POSTed, signed, with an idempotency key; a failing endpoint is
 * retried with backoff on the (virtual) clock until it takes the alert, a dead one is given up
 * after its attempts, and neither holds up the others.
 */
class WebhookEndToEndTest {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final String VENLO = "0983";

  record Received(String path, String signature, String idempotencyKey, String body) {}

  static TestDatabase database;
  static RegieServer server;
  static HttpServer receiver;
  static final List<Received> received = new CopyOnWriteArrayList<>();
  static final Set<String> flakySeen = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void start() throws IOException {
    database = TestDatabase.create(WebhookEndToEndTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of(
        "regie.webhooks.interval", "200ms", "regie.webhooks.timeout", "2s", "regie.webhooks.max-attempts", "3")));
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      received.add(new Received(path, exchange.getRequestHeaders().getFirst("X-Regie-Signature"),
          exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
      // The flaky endpoint fails the first call of every delivery.
      int status = path.equals("/flaky") && flakySeen.add(exchange.getRequestHeaders().getFirst("Idempotency-Key")) ? 500 : 204;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
    server.close();
    database.close();
  }

  static RegieClient as(String token) {
    return new RegieClient(server.httpAddress().getPort()).withToken(token);
  }

  static String receiverUrl(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  static JsonNode register(String body) {
    RegieClient.Response created = as(TestTokens.admin()).post("/admin/v1/webhooks", body);
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  static JsonNode deliveries(long webhookId) {
    return as(TestTokens.admin()).get("/admin/v1/webhooks/" + webhookId + "/deliveries").json().get("items");
  }

  @Test
  void eachAlertReachesItsWebhooksSignedAndOnceTakenAndADeadEndpointIsGivenUpWithoutHoldingUpTheOthers() throws Exception {
    // Only admin registers, and only what makes sense.
    assertEquals(403, as(TestTokens.of(Role.SUPERVISOR, VENLO)).post("/admin/v1/webhooks",
        "{\"gemeente\":\"0983\",\"url\":\"" + receiverUrl("/x") + "\"}").status());
    for (String bad : List.of("{\"gemeente\":\"0000\",\"url\":\"" + receiverUrl("/x") + "\"}", "{\"gemeente\":\"0983\",\"url\":\"ftp://x/y\"}",
        "{\"gemeente\":\"0983\",\"level\":\"SOMS\",\"url\":\"" + receiverUrl("/x") + "\"}", "{\"gemeente\":\"0983\"}")) {
      RegieClient.Response refused = as(TestTokens.admin()).post("/admin/v1/webhooks", bad);
      assertEquals(400, refused.status(), bad + ": " + refused.body());
    }

    JsonNode missedOnly = register("{\"gemeente\":\"0983\",\"level\":\"MISSED\",\"url\":\"" + receiverUrl("/missed") + "\"}");
    JsonNode flaky = register("{\"gemeente\":\"0983\",\"url\":\"" + receiverUrl("/flaky") + "\"}");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    JsonNode dead = register("{\"gemeente\":\"0983\",\"level\":\"MISSED\",\"url\":\"http://127.0.0.1:" + closedPort + "/dead\"}");
    JsonNode elsewhere = register("{\"gemeente\":\"0935\",\"url\":\"" + receiverUrl("/maastricht") + "\"}");
    String secret = missedOnly.get("secret").asText();
    assertTrue(secret.length() >= 40, "a secret of 32 random bytes");
    assertNull(as(TestTokens.admin()).get("/admin/v1/webhooks/" + missedOnly.get("id").asLong()).json().path("secret").textValue(),
        "the secret is shown once");

    // A melding of September: on the clock's 26 November its D3 is missed at once.
    String caseId = CaseWalk.melding(as(TestTokens.of(Role.TOEGANG, VENLO)), VENLO);
    Received missed = Await.until(PATIENCE, () -> received.stream().filter(r -> r.path().equals("/missed")).findFirst().orElse(null),
        r -> r != null, "the missed alert at /missed");
    JsonNode alert = ApiJson.mapper().readTree(missed.body());
    assertEquals(caseId, alert.get("caseId").asText());
    assertEquals("MISSED", alert.get("level").asText());
    assertEquals(WebhookSignature.sign(secret, missed.body().getBytes(StandardCharsets.UTF_8)), missed.signature());
    assertEquals("regie-webhook-" + missedOnly.get("id").asLong() + "-alert-" + alert.get("id").asLong(), missed.idempotencyKey());

    // The flaky endpoint failed its first call; a minute later on the clock it is tried again and takes it.
    Await.until(PATIENCE, () -> deliveries(flaky.get("id").asLong()), d -> d.size() > 0 && d.get(0).get("attempts").asInt() == 1,
        "the flaky endpoint's first attempt");
    assertEquals(200, as(TestTokens.admin()).post("/admin/v1/clock", "{\"advance\":\"PT1M\"}").status());
    JsonNode flakyFirst = Await.until(PATIENCE, () -> deliveries(flaky.get("id").asLong()).get(0),
        d -> d.get("state").asText().equals("DELIVERED"), "the flaky endpoint's delivery").deepCopy();
    assertEquals(2, flakyFirst.get("attempts").asInt());
    assertEquals(204, flakyFirst.get("lastStatus").asInt());
    String key = "regie-webhook-" + flaky.get("id").asLong() + "-alert-" + flakyFirst.get("alertId").asLong();
    assertEquals(2, received.stream().filter(r -> r.path().equals("/flaky") && r.idempotencyKey().equals(key)).count(),
        "a retry carries the same idempotency key");

    // The dead endpoint: tried three times as the clock moves on, then given up; the others never waited for it.
    for (int i = 0; i < 3; i++) {
      int attempts = i + 1;
      Await.until(PATIENCE, () -> deliveries(dead.get("id").asLong()).get(0), d -> d.get("attempts").asInt() >= attempts,
          "attempt " + attempts + " at the dead endpoint");
      assertEquals(200, as(TestTokens.admin()).post("/admin/v1/clock", "{\"advance\":\"PT2M\"}").status());
    }
    JsonNode given = Await.until(PATIENCE, () -> deliveries(dead.get("id").asLong()).get(0), d -> d.get("state").asText().equals("FAILED"),
        "the dead endpoint given up");
    assertEquals(3, given.get("attempts").asInt());
    assertTrue(given.get("lastError").asText().contains("Connect"), given.toString());

    // Filters held: /missed got only MISSED alerts, Maastricht's webhook nothing of Venlo's.
    for (Received r : received) {
      if (r.path().equals("/missed")) assertEquals("MISSED", ApiJson.mapper().readTree(r.body()).get("level").asText());
    }
    assertTrue(received.stream().noneMatch(r -> r.path().equals("/maastricht")));
    JsonNode listed = as(TestTokens.admin()).get("/admin/v1/webhooks").json().get("items");
    assertEquals(4, listed.size());
    assertEquals(1, listed.get(2).get("failed").asInt(), listed.toString());
    assertEquals(0, listed.get(3).get("delivered").asInt() + listed.get(3).get("pending").asInt());

    // Removed: no more alerts to it.
    assertEquals(204, as(TestTokens.admin()).send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + server.httpAddress().getPort() + "/admin/v1/webhooks/" + elsewhere.get("id").asLong())).DELETE()).status());
  }
}
