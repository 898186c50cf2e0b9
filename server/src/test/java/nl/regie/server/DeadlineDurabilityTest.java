package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.regeling.DeadlineRule;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done means", as an operator would see it: under the virtual clock, cases whose
 * aanbieder never answers the WMO301 raise D8 as WARNING, MISSED and ESCALATED on the right
 * werkdagen, visible in the case view and in /api/v1/alerts, each exactly once, although the
 * server is killed with SIGKILL right after the cases are made and right after the clock moves
 * past the due date, and is stopped while the clock is moved past the escalation.
 */
class DeadlineDurabilityTest {

  static final int CASES = 40;
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static TestDatabase database;
  @TempDir Path dataDir;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create(DeadlineDurabilityTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  Map<String, String> env(String clockStart) {
    Map<String, String> env = new HashMap<>();
    env.put("REGIE_DB_URL", database.settings().url());
    env.put("REGIE_DB_USER", database.settings().user());
    env.put("REGIE_DATA_DIR", dataDir.toString());
    env.put("REGIE_CLOCK", "virtual");
    env.put("REGIE_CLOCK_START", clockStart);
    env.put("REGIE_PASSIVATE_AFTER", "2s");
    return env;
  }

  @Test
  void d8WarnsMissesAndEscalatesOnceAcrossKillsAndRestarts() throws Exception {
    Regeling regeling = Regelingen.shipped().find("wmo-noord-limburg").orElseThrow();
    DeadlineRule d8 = regeling.deadlineRule("D8").orElseThrow(() -> new AssertionError("wmo-noord-limburg has no D8"));
    assertTrue(d8.waarschuwing().isPresent() && d8.escalatie().isPresent(), "D8 warns and escalates");
    LocalDate sent = LocalDate.parse("2026-12-22");
    LocalDate due = d8.termijn().einde(sent, regeling.kalender());
    Instant warnAt = startOf(d8.waarschuwing().get().einde(due, regeling.kalender()));
    Instant missedAt = startOf(due.plusDays(1));
    Instant escalateAt = startOf(d8.escalatie().get().einde(due, regeling.kalender()).plusDays(1));
    Path log = dataDir.resolve("server.log");

    List<String> caseIds = new ArrayList<>();
    ServerProcess first = ServerProcess.start(env("2026-12-22T09:00:00+01:00"), log);
    RegieClient client = new RegieClient(first.port());
    for (int i = 0; i < CASES; i++) caseIds.add(caseWithToewijzing(client, String.valueOf(10_000_000 + i)));
    first.kill();

    try (ServerProcess second = ServerProcess.start(env("2026-12-22T09:00:00+01:00"), log)) {
      RegieClient c = new RegieClient(second.port());
      assertEquals(200, c.post("/admin/v1/clock", "{\"set\":\"" + warnAt + "\"}").status());
      awaitAlerts(c, "WARNING");
      assertEquals(200, c.post("/admin/v1/clock", "{\"set\":\"" + missedAt + "\"}").status());
      second.kill();
    }

    try (ServerProcess third = ServerProcess.start(env("2026-12-22T09:00:00+01:00"), log)) {
      RegieClient c = new RegieClient(third.port());
      assertEquals(missedAt.toString(), c.get("/admin/v1/clock").json().get("now").asText(), "the clock went on from where it was");
      awaitAlerts(c, "MISSED");
    }

    // Stopped, the clock is moved past the escalation; no case is in memory when it starts again.
    try (ServerProcess fourth = ServerProcess.start(env(escalateAt.toString()), log)) {
      RegieClient c = new RegieClient(fourth.port());
      awaitAlerts(c, "ESCALATED");
      for (String level : List.of("WARNING", "MISSED", "ESCALATED")) {
        assertEquals(CASES, alerts(c, level).size(), "every " + level + " exactly once");
      }
      JsonNode alert = alerts(c, "ESCALATED").get(0);
      assertEquals(due.toString(), alert.get("due").asText());
      assertTrue(alert.get("responsible").asText().startsWith("aanbieder:"));
      assertEquals("0983", alert.get("gemeente").asText());
      for (String caseId : caseIds) {
        JsonNode view = c.get("/api/v1/cases/" + caseId).json();
        JsonNode d8View = StreamSupport.stream(view.get("deadlines").spliterator(), false)
            .filter(d -> d.get("code").asText().equals("D8")).findFirst().orElseThrow();
        assertEquals("ESCALATED", d8View.get("status").asText());
        long raised = StreamSupport.stream(view.get("history").spliterator(), false)
            .filter(h -> h.get("type").asText().startsWith("DEADLINE_") && "D8".equals(h.at("/details/code").asText())).count();
        assertEquals(3, raised, "one warning, one miss, one escalation in the case's own history");
      }
    }
  }

  private void awaitAlerts(RegieClient client, String level) {
    // A busy server may answer a read with 503 meanwhile (its ask timeout): that is "not yet".
    Await.until(Duration.ofSeconds(90), () -> {
      RegieClient.Response page = client.get(alertsPath(level));
      return page.status() == 200 ? items(page.json()).size() : -1;
    }, n -> n >= CASES, CASES + " " + level + " alerts for D8");
  }

  private static String alertsPath(String level) {
    return "/api/v1/alerts?gemeente=0983&code=D8&limit=1000&level=" + level;
  }

  private static List<JsonNode> alerts(RegieClient client, String level) {
    RegieClient.Response page = client.get(alertsPath(level));
    assertEquals(200, page.status(), page::toString);
    return items(page.json());
  }

  private static List<JsonNode> items(JsonNode page) {
    List<JsonNode> items = new ArrayList<>();
    page.get("items").forEach(items::add);
    return items;
  }

  private static String caseWithToewijzing(RegieClient client, String aanbieder) {
    String caseId = client.post("/api/v1/cases", "{\"bsn\":\"999993653\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\","
        + "\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-12-01\"}").json().get("caseId").asText();
    String path = "/api/v1/cases/" + caseId + "/";
    client.post(path + "screening-starten", "{}");
    client.post(path + "screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"0983\"}");
    client.post(path + "onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-12-10\"}");
    client.post(path + "aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-12-15\"}");
    RegieClient.Response toegewezen = client.post(path + "toewijzen", "{\"beschiktOp\":\"2026-12-22\",\"toewijzingen\":[{\"product\":\"02A02\","
        + "\"aanbieder\":\"" + aanbieder + "\",\"ingangsdatum\":\"2027-01-04\",\"einddatum\":\"2027-12-31\","
        + "\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}");
    assertEquals(200, toegewezen.status(), toegewezen.body());
    return caseId;
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(AMSTERDAM).toInstant();
  }
}
