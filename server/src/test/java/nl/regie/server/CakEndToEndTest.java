package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.regie.persistence.TestDatabase;
import nl.regie.server.access.Role;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CAK aanlevering over HTTP on the real server: a start reported in November and its stop in
 * December (the virtual clock moved on) are lines of those months, as JSON and as CSV, with the
 * full BSN; the stand shows the period in both months. Only the gemeente's backoffice and
 * supervisor read it; another gemeente's backoffice, its toegang, an aanbieder and admin are
 * refused, and every read, allowed or refused, is on the audit trail with the month it asked.
 */
class CakEndToEndTest {

  static final String VENLO = "0983";
  static final String MAASTRICHT = "0935";
  static final String AGB = "12345678";
  static final Map<String, String> TOKENS = new LinkedHashMap<>();

  static TestDatabase database;
  static RegieServer server;
  static String caseId;
  static long toewijzing;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(CakEndToEndTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of()));
    for (String gemeente : List.of(VENLO, MAASTRICHT)) {
      for (Role role : List.of(Role.TOEGANG, Role.BACKOFFICE, Role.SUPERVISOR)) TOKENS.put(role.claim() + gemeente, TestTokens.of(role, gemeente));
    }
    TOKENS.put("aanbieder", TestTokens.aanbieder(AGB));
    TOKENS.put("admin", TestTokens.admin());

    caseId = CaseWalk.toegewezen(as("toegang" + VENLO), as("backoffice" + VENLO), VENLO, AGB);
    toewijzing = ok(as("backoffice" + VENLO).get("/api/v1/cases/" + caseId)).at("/toewijzingen/0/toewijzingNummer").asLong();
    // Reported on 26 November (the virtual clock's start) for a start on 1 December; stopped in December.
    ok(as("aanbieder").post(CaseWalk.path(caseId, "zorg-gestart"), "{\"toewijzingNummer\":" + toewijzing + ",\"begindatum\":\"2026-12-01\"}"));
    ok(as("admin").post("/admin/v1/clock", "{\"set\":\"2026-12-20T10:00:00+01:00\"}"));
    ok(as("aanbieder").post(CaseWalk.path(caseId, "zorg-gestopt"),
        "{\"toewijzingNummer\":" + toewijzing + ",\"einddatum\":\"2026-12-18\",\"reden\":\"19\"}"));
    // The aanlevering is a read model: wait until the stop is in.
    Await.until(Duration.ofSeconds(30), () -> ok(as("backoffice" + VENLO).get(cak("2026-12"))).get("items"),
        items -> items.size() == 1, "the stop in December's aanlevering");
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  static String cak(String maand) {
    return "/api/v1/cak?gemeente=" + VENLO + "&maand=" + maand;
  }

  @Test
  void eachMonthHoldsWhatWasRecordedInItAsJsonAndCsv() {
    JsonNode november = ok(as("backoffice" + VENLO).get(cak("2026-11")));
    assertEquals(VENLO, november.get("gemeente").asText());
    assertEquals("2026-11", november.get("maand").asText());
    assertEquals(1, november.get("items").size(), november.toString());
    JsonNode start = november.at("/items/0");
    assertEquals("START", start.get("soort").asText());
    assertEquals("999993653", start.get("bsn").asText(), "the CAK needs the full BSN");
    assertEquals(toewijzing, start.get("toewijzingNummer").asLong());
    assertEquals("02A02", start.get("product").asText());
    assertEquals(AGB, start.get("aanbieder").asText());
    assertEquals("2026-12-01", start.get("begindatum").asText(), "a start in December reported in November goes with November");
    assertEquals(caseId, start.get("caseId").asText());

    JsonNode stop = ok(as("supervisor" + VENLO).get(cak("2026-12"))).at("/items/0");
    assertEquals(List.of("STOP", "2026-12-01", "2026-12-18", "19"),
        List.of(stop.get("soort").asText(), stop.get("begindatum").asText(), stop.get("einddatum").asText(), stop.get("reden").asText()));

    RegieClient.Response csv = as("backoffice" + VENLO).get(cak("2026-12"), "text/csv");
    assertEquals(200, csv.status(), csv.body());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    assertTrue(csv.header("Content-Disposition").contains("cak-mutaties-0983-2026-12.csv"), csv.header("Content-Disposition"));
    List<String> lines = csv.body().lines().toList();
    assertEquals("geregistreerd;soort;bsn;gemeente;toewijzingNummer;product;aanbieder;begindatum;einddatum;reden;caseId", lines.get(0));
    assertEquals(List.of(stop.get("geregistreerd").asText(), "STOP", "999993653", VENLO, Long.toString(toewijzing), "02A02", AGB,
        "2026-12-01", "2026-12-18", "19", caseId), List.of(lines.get(1).split(";", -1)));
    assertEquals(2, lines.size());
    assertTrue(csv.body().endsWith("\r\n"));

    assertEquals("application/json", as("backoffice" + VENLO).get(cak("2026-12"), "application/json, text/csv").contentType());
  }

  @Test
  void theStandShowsWhoWasInCareInAMonth() {
    JsonNode december = ok(as("backoffice" + VENLO).get("/api/v1/cak/stand?gemeente=" + VENLO + "&maand=2026-12")).get("items");
    assertEquals(1, december.size(), december.toString());
    assertEquals(List.of("2026-12-01", "2026-12-18", "19"), List.of(december.at("/0/begindatum").asText(),
        december.at("/0/einddatum").asText(), december.at("/0/reden").asText()));
    assertEquals(0, ok(as("backoffice" + VENLO).get("/api/v1/cak/stand?gemeente=" + VENLO + "&maand=2026-11")).get("items").size(),
        "care started in December");
    RegieClient.Response csv = as("supervisor" + VENLO).get("/api/v1/cak/stand?gemeente=" + VENLO + "&maand=2026-12", "text/csv");
    assertEquals("bsn;gemeente;toewijzingNummer;product;aanbieder;begindatum;einddatum;reden;caseId", csv.body().lines().findFirst().orElseThrow());
  }

  @Test
  void onlyTheGemeentesBackofficeAndSupervisorReadItAndEveryReadIsAudited() {
    List<String> wrong = new ArrayList<>();
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("backoffice" + VENLO, 200);
    expected.put("supervisor" + VENLO, 200);
    expected.put("backoffice" + MAASTRICHT, 403);
    expected.put("supervisor" + MAASTRICHT, 403);
    expected.put("toegang" + VENLO, 403);
    expected.put("aanbieder", 403);
    expected.put("admin", 403);
    for (String path : List.of(cak("2026-11"), "/api/v1/cak/stand?gemeente=" + VENLO + "&maand=2026-11")) {
      for (Map.Entry<String, Integer> e : expected.entrySet()) {
        RegieClient.Response r = as(e.getKey()).get(path);
        if (r.status() != e.getValue()) wrong.add(e.getKey() + " " + path + " → " + r.status());
        if (r.status() == 403 && !r.contentType().startsWith("application/problem+json")) wrong.add(e.getKey() + ": " + r.contentType());
      }
    }
    assertEquals(List.of(), wrong);

    JsonNode own = ok(as("admin").get("/api/v1/audit?sub=test-backoffice-" + VENLO + "&limit=1000")).get("items");
    assertTrue(has(own, "GET /api/v1/cak?gemeente=0983&maand=2026-11", "ALLOWED", 200), own.toString());
    JsonNode other = ok(as("admin").get("/api/v1/audit?sub=test-backoffice-" + MAASTRICHT + "&limit=1000")).get("items");
    assertTrue(has(other, "GET /api/v1/cak?gemeente=0983&maand=2026-11", "REFUSED", 403), other.toString());

    // Only the gemeente and the month go on the trail, not whatever else was in the query.
    assertEquals(400, as("backoffice" + VENLO).get(cak("2026-10") + "&bsn=999993653").status());
    JsonNode again = ok(as("admin").get("/api/v1/audit?sub=test-backoffice-" + VENLO + "&limit=1000")).get("items");
    assertTrue(has(again, "GET /api/v1/cak?gemeente=0983&maand=2026-10", "REJECTED", 400), again.toString());
    assertTrue(StreamSupport.stream(again.spliterator(), false).noneMatch(r -> r.get("action").asText().contains("999993653")));
  }

  @Test
  void badParametersAre400ProblemsAndChangeNothing() {
    for (String query : List.of("", "?gemeente=0983", "?maand=2026-11", "?gemeente=0983&maand=2026-13", "?gemeente=0983&maand=november",
        "?gemeente=983&maand=2026-11", "?gemeente=0983&maand=2026-11&bsn=999993653", "?gemeente=0983&maand=2026-1")) {
      RegieClient.Response r = as("backoffice" + VENLO).get("/api/v1/cak" + query);
      assertEquals(400, r.status(), query + ": " + r.body());
      assertTrue(r.contentType().startsWith("application/problem+json"), query);
    }
    assertEquals(1, ok(as("backoffice" + VENLO).get(cak("2026-11"))).get("items").size());
  }

  static boolean has(JsonNode rows, String action, String outcome, int status) {
    return StreamSupport.stream(rows.spliterator(), false).anyMatch(r -> r.get("action").asText().equals(action)
        && r.get("outcome").asText().equals(outcome) && r.get("status").asInt() == status);
  }

  static RegieClient as(String who) {
    return new RegieClient(server.httpAddress().getPort()).withToken(TOKENS.get(who));
  }

  static JsonNode ok(RegieClient.Response response) {
    assertEquals(200, response.status(), response.body());
    return response.json();
  }
}
