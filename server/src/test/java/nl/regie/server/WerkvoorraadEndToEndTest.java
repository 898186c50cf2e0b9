package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import nl.regie.persistence.TestDatabase;
import nl.regie.server.access.Role;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The work queue on the real server over HTTP: open cases nearest due first, each with the
 * deadline its case view shows as running and due first; filtered by who must act; paged by its
 * cursor; within each principal's own cases only (admin refused); bad parameters a 400; and every
 * look on the audit trail. Venlo (0983) has a case toegewezen to aanbieder 1, three meldingen of
 * different days and one ingetrokken; Maastricht (0935) one melding.
 */
class WerkvoorraadEndToEndTest {

  static final String VENLO = "0983";
  static final String MAASTRICHT = "0935";
  static final String AGB1 = "12345678";
  static final String AGB2 = "87654321";

  static TestDatabase database;
  static RegieServer server;
  static String toegewezen;
  static String melding20;
  static String melding24;
  static String melding25;
  static String ingetrokken;
  static String maastricht;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(WerkvoorraadEndToEndTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of()));
    RegieClient toegang = as(TestTokens.of(Role.TOEGANG, VENLO));
    // Made out of their order in the queue (and their ids are random): the queue sorts them.
    melding24 = CaseWalk.melding(toegang, VENLO, "2026-11-24");
    melding25 = CaseWalk.melding(toegang, VENLO, "2026-11-25");
    toegewezen = CaseWalk.toegewezen(toegang, as(TestTokens.of(Role.BACKOFFICE, VENLO)), VENLO, AGB1);
    melding20 = CaseWalk.melding(toegang, VENLO, "2026-11-20");
    ingetrokken = CaseWalk.melding(toegang, VENLO, "2026-11-19");
    assertEquals(200, toegang.post(CaseWalk.path(ingetrokken, "intrekken"), "{\"reden\":\"inwoner ziet ervan af\"}").status());
    maastricht = CaseWalk.melding(as(TestTokens.of(Role.TOEGANG, MAASTRICHT)), MAASTRICHT, "2026-11-23");
    // The queue is a read model: wait until it shows every case as its case view does now.
    for (String caseId : List.of(melding24, melding25, toegewezen, melding20, ingetrokken)) caughtUp(VENLO, caseId);
    caughtUp(MAASTRICHT, maastricht);
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  @Test
  void openCasesNearestDueFirstEachWithTheDeadlineItsCaseShows() {
    JsonNode page = ok(backoffice().get("/api/v1/werkvoorraad?gemeente=" + VENLO));
    // The toewijzing's D8 (three werkdagen from the WMO301) comes before the D3s (six weeks from each melding).
    assertEquals(List.of(toegewezen, melding20, melding24, melding25), ids(page));
    for (JsonNode item : page.get("items")) {
      String caseId = item.get("caseId").asText();
      JsonNode view = ok(backoffice().get("/api/v1/cases/" + caseId));
      assertEquals(VENLO, item.get("gemeente").asText());
      assertEquals(view.get("fase").asText(), item.get("fase").asText(), caseId);
      assertEquals(view.get("aanZet").asText(), item.get("aanZet").asText(), caseId);
      assertEquals(view.get("meldingOp").asText(), item.get("meldingOp").asText(), caseId);
      assertEquals("*****3653", item.get("bsn").asText(), "the queue shows the BSN masked, as every list");
      assertTrue(firstDue(view).contains(deadline(item.get("nextDeadline"))), caseId + ": " + item + " in " + firstDue(view));
    }
    assertEquals("aanbieder", page.at("/items/0/aanZet").asText());
    assertEquals("D8", page.at("/items/0/nextDeadline/code").asText());
    assertEquals("aanbieder:" + AGB1, page.at("/items/0/nextDeadline/responsible").asText());
    assertEquals("D3", page.at("/items/1/nextDeadline/code").asText());
    assertEquals("toegang:" + VENLO, page.at("/items/1/nextDeadline/responsible").asText());
    assertEquals(false, page.at("/items/1/nextDeadline/missed").asBoolean(true));
    assertTrue(!page.hasNonNull("next"), "one page holds them all");
  }

  @Test
  void aanZetNarrowsTheQueueToWhoMustActNext() {
    assertEquals(List.of(melding20, melding24, melding25), ids(ok(backoffice().get("/api/v1/werkvoorraad?gemeente=" + VENLO
        + "&aanZet=toegang"))));
    assertEquals(List.of(toegewezen), ids(ok(backoffice().get("/api/v1/werkvoorraad?aanZet=aanbieder"))));
    assertEquals(List.of(), ids(ok(backoffice().get("/api/v1/werkvoorraad?aanZet=backoffice"))));
    assertEquals(List.of(), ids(ok(backoffice().get("/api/v1/werkvoorraad?gemeente=" + VENLO + "&aanZet=inwoner"))));
  }

  @Test
  void pagingByTheCursorVisitsEveryCaseOnceInOrder() {
    List<String> seen = new ArrayList<>();
    String after = "";
    int pages = 0;
    while (after != null && pages++ < 100) {
      JsonNode page = ok(backoffice().get("/api/v1/werkvoorraad?limit=1" + after));
      seen.addAll(ids(page));
      after = page.hasNonNull("next") ? "&after=" + page.get("next").asText() : null;
    }
    assertEquals(List.of(toegewezen, melding20, melding24, melding25), seen);
    assertEquals(5, pages, "four full pages and an empty last one");
  }

  @Test
  void eachPrincipalSeesOnlyItsOwnCases() {
    assertEquals(List.of(toegewezen, melding20, melding24, melding25), ids(ok(as(TestTokens.of(Role.TOEGANG, VENLO))
        .get("/api/v1/werkvoorraad"))));
    assertEquals(List.of(maastricht), ids(ok(as(TestTokens.of(Role.SUPERVISOR, MAASTRICHT)).get("/api/v1/werkvoorraad"))));
    assertEquals(List.of(), ids(ok(backoffice().get("/api/v1/werkvoorraad?gemeente=" + MAASTRICHT))),
        "another gemeente's queue is empty, whatever the query asks");
    assertEquals(List.of(toegewezen), ids(ok(as(TestTokens.aanbieder(AGB1)).get("/api/v1/werkvoorraad"))),
        "an aanbieder: the cases with its toewijzing");
    assertEquals(List.of(), ids(ok(as(TestTokens.aanbieder(AGB2)).get("/api/v1/werkvoorraad?gemeente=" + VENLO))));
    RegieClient.Response admin = as(TestTokens.admin()).get("/api/v1/werkvoorraad");
    assertEquals(403, admin.status(), admin.body());
    assertTrue(admin.contentType().startsWith("application/problem+json"));
  }

  @Test
  void badParametersAreA400ProblemAndEveryLookIsOnTheAuditTrail() {
    String impossibleDate = Base64.getUrlEncoder().withoutPadding().encodeToString("2026-13-45/x".getBytes(StandardCharsets.UTF_8));
    for (String query : List.of("aanZet=TOEGANG", "aanZet=niemand", "gemeente=Venlo", "limit=0", "limit=1001", "after=nonsense!",
        "after=" + impossibleDate, "fase=ZORG")) {
      RegieClient.Response r = backoffice().get("/api/v1/werkvoorraad?" + query);
      assertEquals(400, r.status(), query + ": " + r.body());
      assertTrue(r.contentType().startsWith("application/problem+json"), query);
    }

    JsonNode rows = ok(as(TestTokens.admin()).get("/api/v1/audit?sub=test-backoffice-" + VENLO + "&limit=1000")).get("items");
    assertTrue(AccessTest.has(rows, "test-backoffice-" + VENLO, "GET /api/v1/werkvoorraad", "ALLOWED", 200), rows.toString());
    assertTrue(AccessTest.has(rows, "test-backoffice-" + VENLO, "GET /api/v1/werkvoorraad", "REJECTED", 400), rows.toString());
    as(TestTokens.admin()).get("/api/v1/werkvoorraad");
    JsonNode admin = ok(as(TestTokens.admin()).get("/api/v1/audit?sub=test-admin&limit=1000")).get("items");
    assertTrue(AccessTest.has(admin, "test-admin", "GET /api/v1/werkvoorraad", "REFUSED", 403), admin.toString());
  }

  /** Waits until the queue of {@code gemeente} shows {@code caseId} as its case view does (an ended case: not at all). */
  static void caughtUp(String gemeente, String caseId) {
    RegieClient supervisor = as(TestTokens.of(Role.SUPERVISOR, gemeente));
    Await.until(Duration.ofSeconds(30), () -> {
      JsonNode view = ok(supervisor.get("/api/v1/cases/" + caseId));
      JsonNode queue = ok(supervisor.get("/api/v1/werkvoorraad?limit=1000"));
      Optional<JsonNode> item = StreamSupport.stream(queue.get("items").spliterator(), false)
          .filter(i -> i.get("caseId").asText().equals(caseId)).findFirst();
      boolean open = view.hasNonNull("aanZet");
      return open ? item.isPresent() && item.get().get("aanZet").asText().equals(view.get("aanZet").asText())
          && firstDue(view).contains(deadline(item.get().get("nextDeadline")))
          : item.isEmpty() && caseListed(supervisor, caseId, view.get("version").asLong());
    }, ok -> ok, "case " + caseId + " in the work queue as its case view shows it");
  }

  /** Whether the case list has caught up with {@code caseId} at {@code version}: an ended case is listed, not queued. */
  static boolean caseListed(RegieClient who, String caseId, long version) {
    return StreamSupport.stream(ok(who.get("/api/v1/cases?limit=1000")).get("items").spliterator(), false)
        .anyMatch(i -> i.get("caseId").asText().equals(caseId) && i.get("version").asLong() == version);
  }

  /** The running deadlines of a case view due first, as the queue shows a deadline; empty when none runs. */
  static Set<List<String>> firstDue(JsonNode view) {
    List<JsonNode> running = StreamSupport.stream(view.get("deadlines").spliterator(), false)
        .filter(d -> Set.of("OPEN", "MISSED", "ESCALATED").contains(d.get("status").asText())).toList();
    Optional<LocalDate> first = running.stream().map(d -> LocalDate.parse(d.get("due").asText())).min(LocalDate::compareTo);
    if (first.isEmpty()) return Set.of(List.of());
    return Set.copyOf(running.stream().filter(d -> d.get("due").asText().equals(first.get().toString()))
        .map(d -> List.of(d.get("code").asText(), d.get("due").asText(), d.get("responsible").asText(),
            Boolean.toString(!d.get("status").asText().equals("OPEN"))))
        .toList());
  }

  /** An item's nextDeadline as {@link #firstDue} lists one; empty when absent. */
  static List<String> deadline(JsonNode next) {
    if (next == null || next.isNull()) return List.of();
    return List.of(next.get("code").asText(), next.get("due").asText(), next.get("responsible").asText(),
        Boolean.toString(next.get("missed").asBoolean()));
  }

  static List<String> ids(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("caseId").asText()).toList();
  }

  static RegieClient backoffice() {
    return as(TestTokens.of(Role.BACKOFFICE, VENLO));
  }

  static RegieClient as(String token) {
    return new RegieClient(server.httpAddress().getPort()).withToken(token);
  }

  static JsonNode ok(RegieClient.Response response) {
    assertEquals(200, response.status(), response.body());
    return response.json();
  }
}
