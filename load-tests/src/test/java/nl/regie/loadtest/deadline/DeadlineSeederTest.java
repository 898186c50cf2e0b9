package nl.regie.loadtest.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import nl.regie.loadtest.InProcessRegie;
import nl.regie.persistence.CaseList;
import nl.regie.persistence.Database;
import nl.regie.persistence.DeadlineIndex;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.codes.Gemeenten;
import nl.regie.protocol.regeling.DeadlineRule;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.regeling.Scope;
import nl.regie.server.RegieServer;
import nl.regie.server.access.Access;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.access.TokenMinter;
import nl.regie.server.cases.CaseEvent;
import nl.regie.server.cases.CaseListState;
import nl.regie.server.cases.CaseSettings;
import nl.regie.server.cases.CaseState;
import nl.regie.server.cases.Deadline;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seeder writes what the server writes and reads: a handful of seeded cases are read back with
 * the server's own Pekko serialization and replayed through {@link CaseState}, their index rows are
 * what the projection's {@link DeadlineIndex} writes, a melding made through the API gives the
 * events the seeder writes, and a server on the seeded database alerts exactly the cases of the
 * first burst when its clock gets there. The tests run in any order: the first seeds a database of
 * its own, the others share the server's and look only at what each of them concerns.
 */
class DeadlineSeederTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DeadlineSeeder seeder = new DeadlineSeeder(DeadlineSeeder.Plan.of(12, List.of(3, 3)));
  private static final Regeling regeling = Regelingen.shipped().find(DeadlineSeeder.REGELING).orElseThrow();
  private static final DeadlineRule d3 = regeling.deadlineRule("D3").orElseThrow();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final String SECRET = "deadline-seeder-test-secret-of-32-bytes-or-more";
  /**
   * Moves the clock (admin), makes and reads cases (toegang) and reads alerts (supervisor) in every
   * gemeente; valid for a year, as the server checks it on its virtual clock, months ahead.
   */
  private static final String AUTHORIZATION = "Bearer " + new TokenMinter(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
      .mint(new Principal("deadline-seeder-test", Set.of(Role.ADMIN, Role.TOEGANG, Role.SUPERVISOR),
          Gemeenten.all().stream().map(g -> g.code()).collect(Collectors.toSet()), null), Duration.ofDays(365));

  private static TestDatabase database;
  private static DeadlineSeeder.Result seeded;
  private static RegieServer server;
  private static Serialization serialization;
  private static CaseSettings caseSettings;

  @BeforeAll
  static void seedAndStart() throws Exception {
    database = TestDatabase.create(DeadlineSeederTest.class);
    seeded = seeder.seed(database.settings());
    var config = InProcessRegie.config(database, SECRET, seeder.firstBurst().minus(Duration.ofHours(1)), Map.of());
    server = RegieServer.start(config);
    serialization = SerializationExtension.get(server.system().classicSystem());
    caseSettings = CaseSettings.from(config.getConfig("regie"));
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (database != null) database.close();
  }

  @Test
  void theSeededJournalReadsBackAndReplaysThroughTheServersOwnCode() throws Exception {
    try (TestDatabase own = TestDatabase.create(DeadlineSeederTest.class)) {
      DeadlineSeeder.Result seeded = seeder.seed(own.settings());
      checkSeeded(own, seeded);
    }
  }

  private static void checkSeeded(TestDatabase database, DeadlineSeeder.Result seeded) throws Exception {
    Serializer serializer = serialization.serializerFor(CaseEvent.class);
    assertEquals(12, seeded.cases());
    assertEquals(12, seeded.journalRows(), "one row a case");
    assertEquals(List.of(3, 3), seeded.bursts().stream().map(List::size).toList());
    assertEquals(LocalDate.of(2027, 3, 3).atStartOfDay(seeder.plan().zone()).toInstant(), seeder.firstBurst());
    assertEquals(LocalDate.of(2027, 3, 4).atStartOfDay(seeder.plan().zone()).toInstant(), seeder.burstMoment(1));
    // Bursts go on from working day to working day: D3 from Saturday 23 January ends on Monday 8 March.
    DeadlineSeeder week = new DeadlineSeeder(DeadlineSeeder.Plan.of(10, List.of(1, 1, 1, 1, 1, 1)));
    assertEquals(List.of(3, 4, 5, 6, 9, 10), java.util.stream.IntStream.range(0, 6)
        .mapToObj(k -> week.burstMoment(k).atZone(seeder.plan().zone()).getDayOfMonth()).toList());

    List<Map<String, Object>> rows = query(database, "SELECT * FROM event_journal ORDER BY ordering");
    Map<Long, String> tags = new HashMap<>();
    for (Map<String, Object> tag : query(database, "SELECT event_id, tag FROM event_tag")) tags.put((Long) tag.get("event_id"), (String) tag.get("tag"));
    assertEquals(12, rows.size(), "one journal row a case: its melding's decision");
    assertEquals(12, tags.size());
    Map<String, Long> lastOrderingOfTag = new HashMap<>();
    List<CaseEvent.DeadlineSet> deadlineSets = new ArrayList<>();
    List<Set<String>> bursts = List.of(new TreeSet<>(), new TreeSet<>());
    for (int i = 0; i < 12; i++) {
      SeededCase c = seeder.seededCase(i);
      Map<String, Object> row = rows.get(i);
      assertEquals(c.persistenceId(), "Case|" + c.caseId());
      assertEquals(caseSettings.tagFor(c.caseId()), c.tag());
      assertEquals(i + 1L, row.get("ordering"));
      assertEquals("Case|" + c.caseId(), row.get("persistence_id"));
      assertEquals(1L, row.get("sequence_number"));
      assertEquals(false, row.get("deleted"));
      assertEquals("", row.get("adapter_manifest"));
      assertEquals(serializer.identifier(), row.get("event_ser_id"));
      assertNull(row.get("meta_payload"));
      assertEquals(caseSettings.tagFor(c.caseId()), tags.get((Long) row.get("ordering")), "the server's tag of the case");
      lastOrderingOfTag.merge(tags.get((Long) row.get("ordering")), (Long) row.get("ordering"), Math::max);

      CaseEvent.Grouped decision = (CaseEvent.Grouped) read(row);
      assertEquals(1, decision.firstVersion());
      CaseEvent.MeldingOntvangen m = (CaseEvent.MeldingOntvangen) decision.events().get(0);
      CaseEvent.DeadlineSet d = (CaseEvent.DeadlineSet) decision.events().get(1);
      assertEquals(new CaseEvent.MeldingOntvangen(c.caseId(), c.bsn(), c.gemeente(), DeadlineSeeder.REGELING, c.kanaal(),
          c.meldingOp(), c.client(), c.at()), m);
      assertEquals(nl.regie.protocol.codes.Bsn.isValid(m.bsn()), true, m.bsn());
      // As the server writes it: what D3 asks is left to the rulebook.
      Deadline expected = new Deadline("D3", "D3", null, "toegang:" + c.gemeente(), Scope.CASE, "", d3.voldaan(),
          c.due(), null, c.due().plusDays(1).atStartOfDay(seeder.plan().zone()).toInstant(), null, DeadlineStatus.OPEN, false);
      assertEquals(new CaseEvent.DeadlineSet(expected, c.at()), d);
      assertEquals(seeder.melding(c), m);
      assertEquals(seeder.deadlineSet(c), d);
      assertEquals(Serializers.manifestFor(serializer, decision), row.get("event_ser_manifest"));

      CaseState state = CaseState.empty(c.caseId()).apply(m).apply(d);
      assertEquals(Fase.MELDING, state.fase());
      assertEquals(2, state.version());
      assertEquals(expected.missedAt(), state.nextDeadlineMoment().orElseThrow(), "no warning: the next moment is the miss");
      assertTrue(m.at().isBefore(seeder.firstBurst().minus(Duration.ofDays(30))), "recorded long before the first burst");

      int burst = seeder.burstOf(i);
      if (burst >= 0) {
        bursts.get(burst).add(c.caseId());
        assertEquals(seeder.burstMeldingOp(burst), c.meldingOp());
        assertEquals(d3.termijn().einde(c.meldingOp(), regeling.kalender()), c.due(), "D3's own due date");
        assertEquals(seeder.burstMoment(burst), expected.missedAt());
      } else {
        assertTrue(expected.missedAt().isAfter(seeder.burstMoment(1)));
        assertFalse(expected.missedAt().isAfter(seeder.burstMoment(1).plus(Duration.ofDays(367))));
      }
      deadlineSets.add(d);
    }
    assertEquals(bursts.get(0), new TreeSet<>(seeded.bursts().get(0)));
    assertEquals(bursts.get(1), new TreeSet<>(seeded.bursts().get(1)));

    // The case list's rows are what its projection writes for these events.
    try (Database db = Database.connect(database.settings()); Connection c = db.dataSource().getConnection()) {
      CaseList list = new CaseList(db);
      for (int i = 0; i < 12; i++) {
        SeededCase sc = seeder.seededCase(i);
        CaseState state = CaseState.empty(sc.caseId()).apply(seeder.melding(sc)).apply(seeder.deadlineSet(sc));
        assertEquals(Optional.of(CaseListState.row(state, 2, sc.at())), list.load(c, sc.caseId()), sc.caseId());
        assertEquals(new CaseList.NextDeadline(seeder.deadlineSet(sc).deadline().id(), sc.due(), DeadlineSeeder.RULE,
                "toegang:" + sc.gemeente(), DeadlineStatus.OPEN),
            list.load(c, sc.caseId()).orElseThrow().next(), "its D3 puts it in the work queue");
      }
    }
    assertEquals(12L, query(database, "SELECT COUNT(*) AS n FROM case_list").get(0).get("n"));
    // And the case stream's entry of each case (one per decision, named by its cause), in the order of the cases.
    List<String> expectedChanges = new ArrayList<>();
    for (int i = 0; i < 12; i++) expectedChanges.add(seeder.seededCase(i).caseId() + " MeldingOntvangen 2");
    List<String> changes = new ArrayList<>();
    for (Map<String, Object> row : query(database, "SELECT case_id, event_type, version, fase, gemeente FROM case_change ORDER BY id")) {
      changes.add(row.get("case_id") + " " + row.get("event_type") + " " + row.get("version"));
      assertEquals("MELDING", row.get("fase"));
    }
    assertEquals(expectedChanges, changes);
    assertEquals(0L, query(database, "SELECT COUNT(*) AS n FROM case_list_aanbieder").get(0).get("n"));

    // The index rows are what the projection writes for these DeadlineSets (its own DeadlineIndex, rolled back).
    String moments = "SELECT case_id, deadline_id, next_at, warn_at, missed_at, escalate_at FROM deadline_moment ORDER BY case_id";
    List<Map<String, Object>> seededMoments = query(database, moments);
    try (Database db = Database.connect(database.settings()); Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("DELETE FROM deadline_moment");
      }
      DeadlineIndex index = new DeadlineIndex(db);
      for (int i = 0; i < 12; i++) {
        Deadline d = deadlineSets.get(i).deadline();
        index.schedule(c, seeder.seededCase(i).caseId(), d.id(), d.warnAt(), d.missedAt(), d.escalateAt());
      }
      assertEquals(seededMoments, query(c, moments));
      c.rollback();
    }

    // The projections' offsets: the last ordering of each tag, as a Sequence offset.
    for (String projection : DeadlineSeeder.PROJECTIONS) {
      Map<String, Long> offsets = new HashMap<>();
      for (Map<String, Object> row : query(database, "SELECT * FROM pekko_projection_offset_store WHERE projection_name = '" + projection + "'")) {
        assertEquals("SEQ", row.get("manifest"));
        assertEquals(false, row.get("mergeable"));
        offsets.put((String) row.get("projection_key"), Long.parseLong((String) row.get("current_offset")));
      }
      assertEquals(lastOrderingOfTag, offsets, projection);
      assertEquals(offsets, seeded.offsets());
    }
    assertEquals((long) DeadlineSeeder.PROJECTIONS.size() * lastOrderingOfTag.size(),
        (Long) query(database, "SELECT COUNT(*) AS n FROM pekko_projection_offset_store").get(0).get("n"));
    assertEquals(12L, query(database, "SELECT last_value FROM event_journal_ordering_seq").get(0).get("last_value"));
  }

  @Test
  void aServerOnTheSeededDatabaseAlertsExactlyTheCasesOfTheFirstBurst() throws Exception {
    String base = "http://127.0.0.1:" + server.httpAddress().getPort();
    JsonNode moved = send(HttpRequest.newBuilder(URI.create(base + "/admin/v1/clock")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"set\":\"" + seeder.firstBurst() + "\"}")), 200);
    assertEquals(seeder.firstBurst().toString(), moved.get("now").asText());

    Set<String> seededIds = new TreeSet<>();
    for (int i = 0; i < 12; i++) seededIds.add(seeder.seededCase(i).caseId());
    awaitUntil(() -> missedAmong(base, seededIds).size() >= 3, "the three alerts");
    awaitUntil(() -> count("SELECT COUNT(*) FROM deadline_moment WHERE case_id IN (" + quoted(seededIds) + ")") == 9,
        "the projection to take the missed deadlines out of the index");
    assertEquals(new TreeSet<>(seeded.bursts().get(0)), missedAmong(base, seededIds));
    assertEquals(3, count("SELECT COUNT(*) FROM alert WHERE case_id IN (" + quoted(seededIds) + ")"), "no other alert of a seeded case");

    // Every projection that has run by now (the deadline projection has processed the alerts) has
    // seeded offsets; one the seeder does not know would replay every seeded event at startup.
    for (Map<String, Object> row : query("SELECT projection_name, projection_key, current_offset FROM pekko_projection_offset_store")) {
      assertTrue(DeadlineSeeder.PROJECTIONS.contains((String) row.get("projection_name")),
          "the server runs projection " + row.get("projection_name") + ": add it to DeadlineSeeder.PROJECTIONS");
      assertTrue(Long.parseLong((String) row.get("current_offset")) >= seeded.offsets().get((String) row.get("projection_key")));
    }

    // The list shows the seeded cases as the cases themselves do.
    Map<String, JsonNode> listed = new HashMap<>();
    for (JsonNode summary : send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases?limit=1000")), 200).get("items")) {
      listed.put(summary.get("caseId").asText(), summary);
    }
    for (int i = 0; i < 12; i++) {
      SeededCase c = seeder.seededCase(i);
      JsonNode view = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + c.caseId())), 200);
      JsonNode summary = listed.get(c.caseId());
      assertEquals(c.gemeente(), summary.get("gemeente").asText());
      assertEquals("MELDING", summary.get("fase").asText());
      assertEquals(Access.masked(c.bsn()), summary.get("bsn").asText());
      assertEquals("MELDING", view.get("fase").asText());
      assertEquals(c.due().toString(), view.at("/deadlines/0/due").asText());
      assertEquals(seeder.burstOf(i) == 0 ? "MISSED" : "OPEN", view.at("/deadlines/0/status").asText(), c.caseId());
    }
  }

  @Test
  void aMeldingMadeThroughTheApiGivesTheEventsTheSeederWrites() throws Exception {
    String base = "http://127.0.0.1:" + server.httpAddress().getPort();
    SeededCase template = seeder.seededCase(0);
    for (int i = 1; template.client() == null; i++) template = seeder.seededCase(i);
    // Three weeks after the first burst's melding date: neither its warning nor its miss comes before that burst.
    LocalDate meldingOp = seeder.plan().firstMeldingOp().plusDays(21);
    ObjectNode body = JSON.createObjectNode()
        .put("bsn", template.bsn()).put("gemeente", template.gemeente()).put("regeling", DeadlineSeeder.REGELING)
        .put("kanaal", Kanaal.VEILIG_THUIS.json()).put("meldingOp", meldingOp.toString());
    body.set("client", JSON.readTree(nl.regie.protocol.api.ApiJson.mapper().writeValueAsString(template.client())));
    JsonNode created = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())), 201);
    String caseId = created.get("caseId").asText();

    List<Map<String, Object>> rows = query("SELECT * FROM event_journal WHERE persistence_id = 'Case|" + caseId + "' ORDER BY sequence_number");
    assertEquals(1, rows.size(), "a melding and its D3, one decision in one row");
    CaseEvent.Grouped decision = (CaseEvent.Grouped) read(rows.get(0));
    assertEquals(1, decision.firstVersion());
    CaseEvent.MeldingOntvangen m = (CaseEvent.MeldingOntvangen) decision.events().get(0);
    CaseEvent.DeadlineSet d = (CaseEvent.DeadlineSet) decision.events().get(1);
    SeededCase same = new SeededCase(caseId, (String) rows.get(0).get("writer"), template.bsn(), template.gemeente(),
        Kanaal.VEILIG_THUIS, meldingOp, template.client(), m.at(), d.deadline().due(), d.deadline().missedAt(), caseSettings.tagFor(caseId));

    assertEquals(seeder.melding(same), m);
    Deadline written = d.deadline();
    assertTrue(written.warnAt() != null && written.escalateAt() != null, "the shipped D3 warns and escalates");
    assertEquals(new Deadline(written.id(), written.code(), written.omschrijving(), written.responsible(), written.scope(), written.key(),
        written.voldaan(), written.due(), null, written.missedAt(), null, written.status(), written.warned()),
        seeder.deadlineSet(same).deadline(), "the seeder's DeadlineSet is D3 without warning and escalation");
    assertEquals(d.at(), m.at(), "persisted together");
    for (Map<String, Object> row : rows) {
      assertEquals(rows.get(0).get("writer"), row.get("writer"));
      assertEquals("", row.get("adapter_manifest"));
      assertEquals(List.of(Map.of("tag", same.tag())), query("SELECT tag FROM event_tag WHERE event_id = " + row.get("ordering")));
    }
  }

  private static CaseEvent read(Map<String, Object> row) {
    return (CaseEvent) serialization.deserialize((byte[]) row.get("event_payload"), (Integer) row.get("event_ser_id"),
        (String) row.get("event_ser_manifest")).get();
  }

  private static Set<String> missedAmong(String base, Set<String> caseIds) {
    Set<String> missed = new TreeSet<>();
    try {
      for (JsonNode alert : send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts?level=MISSED&limit=1000")), 200).get("items")) {
        if (caseIds.contains(alert.get("caseId").asText())) missed.add(alert.get("caseId").asText());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return missed;
  }

  private static JsonNode send(HttpRequest.Builder request, int expectedStatus) throws Exception {
    HttpResponse<String> response = http.send(request.header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(expectedStatus, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  /** Waits for something the server does in the background; the bound is generous, not a measurement. */
  private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(giveUp)) throw new AssertionError("gave up waiting for " + what);
      Thread.sleep(100);
    }
  }

  private static String quoted(Set<String> values) {
    return String.join(",", values.stream().map(v -> "'" + v + "'").toList());
  }

  private static long count(String sql) {
    try {
      return (Long) query(sql).get(0).values().iterator().next();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Map<String, Object>> query(String sql) throws Exception {
    return query(database, sql);
  }

  private static List<Map<String, Object>> query(TestDatabase on, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(on.settings().url(), on.settings().user(), on.settings().password())) {
      return query(c, sql);
    }
  }

  private static List<Map<String, Object>> query(Connection c, String sql) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object value = rs.getObject(i);
          row.put(rs.getMetaData().getColumnLabel(i), value instanceof java.sql.Timestamp t ? t.toInstant() : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
