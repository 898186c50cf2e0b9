package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.regie.persistence.TestDatabase;
import nl.regie.server.access.Role;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.StreamClient;
import nl.regie.server.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on the real server: public, in Prometheus's text format, with the requests
 * by route and status, the commands by type and outcome, the cases by fase, the streams' subscribers
 * and the JVM; never an id or a BSN in a label.
 */
class MetricsEndToEndTest {

  static TestDatabase database;
  static RegieServer server;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(MetricsEndToEndTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of("regie.metrics.read-model-interval", "200ms", "regie.streams.heartbeat", "1s")));
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  static String scrape() {
    RegieClient.Response response = new RegieClient(server.httpAddress().getPort()).withToken(null).get("/metrics");
    assertEquals(200, response.status());
    assertTrue(response.contentType().startsWith("text/plain"), response.contentType());
    return response.body();
  }

  /** The value of the one sample named {@code series} (with its labels, in the order Prometheus writes them), or -1. */
  static double value(String metrics, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  void countsRequestsCommandsCasesAndStreamsAndLabelsNoIds() {
    RegieClient toegang = new RegieClient(server.httpAddress().getPort()).withToken(TestTokens.of(Role.TOEGANG, "0983"));
    String caseId = CaseWalk.melding(toegang, "0983");
    assertEquals(200, toegang.get("/api/v1/cases/" + caseId).status());
    assertEquals(404, toegang.get("/api/v1/nergens/" + caseId).status());

    try (StreamClient stream = StreamClient.sse(server.httpAddress().getPort(), "/api/v1/stream/cases",
        Map.of("Authorization", "Bearer " + TestTokens.of(Role.BACKOFFICE, "0983")))) {
      String metrics = Await.until(Duration.ofSeconds(20), MetricsEndToEndTest::scrape,
          m -> value(m, "regie_cases{fase=\"MELDING\"}") >= 1 && value(m, "regie_stream_subscribers{stream=\"cases\",transport=\"sse\"}") == 1,
          "the case in the case list's figures, and the open stream");
      assertTrue(value(metrics, "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/cases\",status=\"201\"}") >= 1, metrics);
      assertTrue(value(metrics, "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/cases/{id}\",status=\"200\"}") >= 1);
      assertTrue(value(metrics, "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}") >= 1);
      assertTrue(value(metrics, "regie_commands_seconds_count{command=\"MeldingMaken\",outcome=\"accepted\"}") >= 1, metrics);
      assertTrue(value(metrics, "regie_commands_seconds_count{command=\"Get\",outcome=\"accepted\"}") >= 1, metrics);
      assertTrue(value(metrics, "regie_deadlines{status=\"open\"}") + value(metrics, "regie_deadlines{status=\"missed\"}") >= 1);
      assertTrue(metrics.contains("regie_projection_lag{projection=\"case-events\"}"), metrics);
      assertTrue(value(metrics, "regie_journal_writes_seconds_count") >= 1, "the melding's events written");
      assertTrue(metrics.contains("jvm_memory_used_bytes"));
      assertTrue(metrics.contains("http_server_requests_seconds_bucket"), "latency histograms");
      assertFalse(metrics.contains(caseId), "no case id in a label");
      assertFalse(metrics.contains("999993653"), "no BSN anywhere");
    }
    Await.until(Duration.ofSeconds(20), MetricsEndToEndTest::scrape,
        m -> value(m, "regie_stream_subscribers{stream=\"cases\",transport=\"sse\"}") == 0, "the closed stream no longer counted");
  }
}
