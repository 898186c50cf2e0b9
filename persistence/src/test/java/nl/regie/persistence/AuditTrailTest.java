package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail on PostgreSQL: every row once, many rows per commit, the queries, and failure. */
class AuditTrailTest {

  static TestDatabase testDatabase;
  static Database database;
  static AuditTrail trail;

  @BeforeAll
  static void createDatabase() {
    testDatabase = TestDatabase.migrated(AuditTrailTest.class);
    database = Database.connect(testDatabase.settings());
    trail = new AuditTrail(database);
  }

  @AfterAll
  static void dropDatabase() {
    trail.close();
    database.close();
    testDatabase.close();
  }

  static AuditTrail.Entry entry(Instant at, String sub, List<String> gemeenten, String caseId, AuditTrail.Outcome outcome) {
    return new AuditTrail.Entry(at, sub, List.of("backoffice", "toegang"), null, gemeenten, "10.0.0.7",
        "GET /api/v1/cases/" + caseId, caseId, null, outcome, outcome == AuditTrail.Outcome.ALLOWED ? 200 : 403);
  }

  static List<AuditTrail.AuditRow> find(Set<String> gemeenten, String caseId, String sub, Instant from, Instant to) {
    return trail.find(new AuditTrail.Query(gemeenten, caseId, sub, from, to, 0, 1000));
  }

  @Test
  void aRowComesBackAsItWasRecorded() throws Exception {
    Instant at = Instant.parse("2026-12-03T10:15:30.123Z");
    AuditTrail.Entry entry = new AuditTrail.Entry(at, "sub-roundtrip", List.of("aanbieder"), "12345678", List.of(), "192.168.1.2",
        "POST /iwmo/v1/berichten", null, "42", AuditTrail.Outcome.REFUSED, 403);
    trail.record(entry).toCompletableFuture().get(30, TimeUnit.SECONDS);
    List<AuditTrail.AuditRow> rows = find(null, null, "sub-roundtrip", null, null);
    assertEquals(1, rows.size());
    AuditTrail.AuditRow row = rows.get(0);
    assertEquals(List.of(at, "sub-roundtrip", List.of("aanbieder"), "12345678", List.of(), "192.168.1.2", "POST /iwmo/v1/berichten", "42",
        AuditTrail.Outcome.REFUSED, 403), List.of(row.at(), row.sub(), row.roles(), row.agb(), row.gemeenten(), row.address(),
        row.action(), row.berichtId(), row.outcome(), row.status()));
  }

  @Test
  void anActionKeepsItsIdsInTheirOwnColumnsAndReadsBackWhole() throws Exception {
    String caseId = "5f0c2a9e-7d4b-4c1e-9a2f-3b6d8e1f0a47";
    String asked = "POST /api/v1/cases/" + caseId + "/screening-starten";
    trail.record(new AuditTrail.Entry(Instant.now(), "sub-marks", List.of("toegang"), null, List.of("0983"), null, asked, caseId, null,
        AuditTrail.Outcome.ALLOWED, 200)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    trail.record(new AuditTrail.Entry(Instant.now(), "sub-marks", List.of("aanbieder"), "12345678", List.of(), null,
        "GET /iwmo/v1/berichten/77", null, "77", AuditTrail.Outcome.ALLOWED, 200)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(List.of("GET /iwmo/v1/berichten/77", asked),
        find(null, null, "sub-marks", null, null).stream().map(AuditTrail.AuditRow::action).sorted().toList());
    try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT action FROM audit WHERE case_id = '" + caseId + "'")) {
      rs.next();
      assertEquals("POST /api/v1/cases/{caseId}/screening-starten", rs.getString(1), "stored without the case id it has in its column");
    }
    // A row written before the marks holds the whole path, and reads as it is.
    assertEquals(asked, AuditTrail.asked(asked, caseId, null));
  }

  /** Each distinct principal is one row, however many requests it makes and however often the server restarts. */
  @Test
  void aPrincipalIsStoredOnceForAllItsRows() throws Exception {
    for (int i = 0; i < 3; i++) {
      trail.record(entry(Instant.now(), "sub-once", List.of("0983"), "case-once-" + i, AuditTrail.Outcome.ALLOWED))
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    try (AuditTrail restarted = new AuditTrail(database)) {
      restarted.record(entry(Instant.now(), "sub-once", List.of("0983"), "case-once-3", AuditTrail.Outcome.ALLOWED))
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
      restarted.record(entry(Instant.now(), "sub-once", List.of("0983", "0984"), "case-once-4", AuditTrail.Outcome.ALLOWED))
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    assertEquals(5, find(null, null, "sub-once", null, null).size());
    assertEquals(2, principals("sub-once"), "one principal per distinct sub, roles, agb and gemeenten");
    assertEquals(List.of("0983", "0984"), find(null, "case-once-4", null, null, null).get(0).gemeenten());
  }

  @Test
  void theTrailWorksOnTheEmbeddedDatabaseToo(@TempDir Path dir) throws Exception {
    try (Database h2 = Database.connect(DatabaseSettings.embedded(dir, 2))) {
      Migrations.apply(h2);
      try (AuditTrail embedded = new AuditTrail(h2)) {
        for (String sub : List.of("sub-h2", "sub-h2", "sub-h2-other")) {
          embedded.record(entry(Instant.now(), sub, List.of("0983"), "case-h2", AuditTrail.Outcome.ALLOWED))
              .toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        assertEquals(2, embedded.find(new AuditTrail.Query(null, null, "sub-h2", null, null, 0, 10)).size());
        assertEquals(3, embedded.find(new AuditTrail.Query(Set.of("0983"), null, null, null, null, 0, 10)).size());
      }
    }
  }

  private static long principals(String sub) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_principal WHERE sub = ?")) {
      ps.setString(1, sub);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void manyConcurrentRowsShareTheirCommits() throws Exception {
    long commitsBefore = trail.commits();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<CompletableFuture<Void>> written = new ArrayList<>();
    try {
      List<java.util.concurrent.Future<CompletableFuture<Void>>> calls = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        int n = i;
        calls.add(callers.submit(() -> trail.record(entry(Instant.now(), "sub-bulk", List.of("0983"), "bulk-" + n,
            AuditTrail.Outcome.ALLOWED)).toCompletableFuture()));
      }
      for (var call : calls) written.add(call.get());
      CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      callers.shutdown();
    }
    Set<String> cases = new HashSet<>();
    long after = 0;
    List<AuditTrail.AuditRow> page;
    do {
      page = trail.find(new AuditTrail.Query(null, null, "sub-bulk", null, null, after, 300));
      for (AuditTrail.AuditRow row : page) assertTrue(cases.add(row.caseId()), "row " + row.id() + " twice");
      if (!page.isEmpty()) after = page.get(page.size() - 1).id();
    } while (page.size() == 300);
    assertEquals(2_000, cases.size(), "every row once, paging visits each");
    long commits = trail.commits() - commitsBefore;
    assertTrue(commits < 2_000, "rows share commits: " + commits + " commits for 2,000 rows");
  }

  @Test
  void aSupervisorFindsTheRowsOfItsGemeentenPeopleAndCases() throws Exception {
    trail.record(entry(Instant.now(), "sub-scope-groningen", List.of("0014"), "case-scope-1", AuditTrail.Outcome.ALLOWED))
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    trail.record(entry(Instant.now(), "sub-scope-almere", List.of("0034", "0037"), "case-scope-2", AuditTrail.Outcome.REFUSED))
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(Set.of("sub-scope-groningen"), subs(find(Set.of("0014"), null, null, null, null)));
    assertEquals(Set.of("sub-scope-almere"), subs(find(Set.of("0037"), null, null, null, null)));
    assertEquals(Set.of("sub-scope-groningen", "sub-scope-almere"), subs(find(Set.of("0014", "0034"), null, null, null, null)));
    assertEquals(List.of(), find(Set.of(), null, null, null, null), "an empty scope sees nothing");
    assertEquals(1, find(null, "case-scope-2", null, null, null).size());
  }

  @Test
  void fromAndToBoundTheMoments() throws Exception {
    Instant base = Instant.parse("2030-01-01T00:00:00Z");
    for (int day = 0; day < 3; day++) {
      trail.record(entry(base.plusSeconds(86_400L * day), "sub-window", List.of(), "window-" + day, AuditTrail.Outcome.NOT_FOUND))
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    List<AuditTrail.AuditRow> rows = find(null, null, "sub-window", base.plusSeconds(86_400), base.plusSeconds(2 * 86_400));
    assertEquals(List.of("window-1"), rows.stream().map(AuditTrail.AuditRow::caseId).toList());
  }

  @Test
  void aDatabaseThatIsGoneFailsTheRowInsteadOfHanging() throws Exception {
    TestDatabase doomed = TestDatabase.migrated(AuditTrailTest.class);
    try (Database gone = Database.connect(doomed.settings()); AuditTrail lost = new AuditTrail(gone)) {
      doomed.close(); // drops the database WITH (FORCE)
      ExecutionException failed = assertThrows(ExecutionException.class, () -> lost.record(
          entry(Instant.now(), "sub-gone", List.of(), null, AuditTrail.Outcome.ALLOWED)).toCompletableFuture().get(60, TimeUnit.SECONDS));
      assertInstanceOf(DatabaseUnavailableException.class, failed.getCause());
    }
  }

  static Set<String> subs(List<AuditTrail.AuditRow> rows) {
    Set<String> subs = new HashSet<>();
    rows.forEach(r -> subs.add(r.sub()));
    return subs;
  }
}
