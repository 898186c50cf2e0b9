package nl.regie.server;

import static nl.regie.server.CaseLifecycleEndToEndTest.ok;
import static nl.regie.server.CaseLifecycleEndToEndTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nl.regie.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The virtual clock over HTTP: it moves when asked and only forward, survives a restart, and does
 * not exist on the system clock. Its own database, since the clock's time is kept there.
 */
class VirtualClockTest {

  static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create(VirtualClockTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  static RegieServer start(Map<String, Object> overrides) {
    return RegieServer.start(TestServers.config(database.settings(), overrides));
  }

  @Test
  void theVirtualClockMovesForwardOnlyAndOnlyWhenAsked() {
    try (RegieServer server = start(Map.of())) {
      RegieClient client = new RegieClient(server.httpAddress().getPort());
      assertEquals("2026-11-26T09:00:00Z", ok(client.get("/admin/v1/clock")).get("now").asText());
      assertEquals("2026-11-29T09:00:00Z", ok(client.post("/admin/v1/clock", "{\"advance\":\"P3D\"}")).get("now").asText());
      assertEquals("2026-12-29T09:00:00Z", ok(client.post("/admin/v1/clock", "{\"advance\":\"P1M\"}")).get("now").asText());
      JsonNode set = ok(client.post("/admin/v1/clock", "{\"set\":\"2027-01-15T09:00:00+01:00\"}"));
      assertEquals("2027-01-15T08:00:00Z", set.get("now").asText());
      assertEquals("2027-01-15T09:00+01:00", set.get("local").asText());
      problem(client.post("/admin/v1/clock", "{\"set\":\"2027-01-01T09:00:00+01:00\"}"), 409, "never goes back");
      problem(client.post("/admin/v1/clock", "{\"advance\":\"morgen\"}"), 400, "ISO-8601");
      problem(client.post("/admin/v1/clock", "{\"advance\":\"P1D\",\"set\":\"2027-02-01T00:00:00Z\"}"), 400, "either");
      assertEquals("2027-01-15T08:00:00Z", ok(client.get("/admin/v1/clock")).get("now").asText(), "refusals moved nothing");
    }
    try (RegieServer restarted = start(Map.of())) {
      assertEquals("2027-01-15T08:00:00Z", ok(new RegieClient(restarted.httpAddress().getPort()).get("/admin/v1/clock")).get("now").asText(),
          "a restarted server goes on from where its clock was");
    }
  }

  @Test
  void onTheSystemClockThereIsNoClockToMove() {
    try (RegieServer server = start(Map.of("regie.clock.mode", "system"))) {
      RegieClient client = new RegieClient(server.httpAddress().getPort());
      problem(client.get("/admin/v1/clock"), 404, "");
      problem(client.post("/admin/v1/clock", "{\"advance\":\"P3D\"}"), 404, "");
    }
  }

}
