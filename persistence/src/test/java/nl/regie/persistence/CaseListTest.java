package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.regie.persistence.CaseList.Query;
import nl.regie.persistence.CaseList.Row;
import nl.regie.protocol.api.CaseSummaryView;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Partij;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case list on PostgreSQL (and its upsert on H2): rows are replaced whole, a query never
 * leaves the asker's scope, and paging visits every case once. Each test keeps to gemeenten and
 * AGB codes of its own, so that the tests run in any order on one database.
 */
class CaseListTest {

  static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

  static TestDatabase postgres;
  static Database database;
  static CaseList list;

  @BeforeAll
  static void createDatabase() {
    postgres = TestDatabase.migrated(CaseListTest.class);
    database = Database.connect(postgres.settings());
    list = new CaseList(database);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
    postgres.close();
  }

  static Row row(String caseId, String gemeente, Fase fase, long version) {
    return new Row(caseId, gemeente, fase, Partij.AANBIEDER, "*****3653", LocalDate.parse("2026-11-24"), AT.plusSeconds(version),
        1, 2, null, version);
  }

  static void save(CaseList store, Database db, Row row, String... aanbieders) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      store.saveAll(c, List.of(new CaseList.Change(row, Set.of(aanbieders))));
      c.commit();
    }
  }

  static void save(Row row, String... aanbieders) throws Exception {
    save(list, database, row, aanbieders);
  }

  static Optional<Row> load(CaseList store, Database db, String caseId) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      return store.load(c, caseId);
    }
  }

  static Query scope(Set<String> gemeenten, String agb) {
    return new Query(gemeenten, agb, null, null, null, null, 100);
  }

  static List<String> ids(List<CaseSummaryView> cases) {
    return cases.stream().map(CaseSummaryView::caseId).toList();
  }

  @Test
  void aSavedRowLoadsBackAndASecondSaveReplacesIt() throws Exception {
    Row first = row("upsert-1", "1001", Fase.MELDING, 1);
    save(first, "11110001", "11110002");
    assertEquals(Optional.of(first), load(list, database, "upsert-1"));
    assertEquals(Optional.empty(), load(list, database, "upsert-none"));

    Row second = new Row("upsert-1", "1002", Fase.STOP, null, "*****3653", LocalDate.parse("2026-11-24"), AT.plusSeconds(60),
        0, 0, null, 7);
    save(second, "11110003", "11110002");
    assertEquals(Optional.of(second), load(list, database, "upsert-1"));
    CaseSummaryView shown = list.find(scope(Set.of("1002"), null)).get(0);
    assertEquals(new CaseSummaryView("upsert-1", "1002", Fase.STOP, null, "*****3653", LocalDate.parse("2026-11-24"),
        List.of("11110002", "11110003"), 0, 0, AT.plusSeconds(60), 7), shown);
    assertEquals(List.of(), list.find(scope(Set.of("1001"), null)), "moved away from its old gemeente");
    assertEquals(List.of(), list.find(scope(Set.of(), "11110001")), "an aanbieder no longer on the case does not see it");

    save(new Row("upsert-1", "1002", Fase.STOP, null, null, null, AT, 0, 0, null, 8));
    assertEquals(List.of(), list.find(scope(Set.of("1002"), null)).get(0).aanbieders());
  }

  @Test
  void aRowRefusesAFullBsn() {
    assertThrows(IllegalArgumentException.class,
        () -> new Row("bsn-1", "1003", Fase.MELDING, null, "999993653", null, AT, 0, 0, null, 1));
  }

  @Test
  void theScopeIsTheGemeentenAndTheAanbiedersCases() throws Exception {
    save(row("scope-a", "2001", Fase.ZORG, 1), "22220001");
    save(row("scope-b", "2002", Fase.ZORG, 1));
    save(row("scope-c", "2003", Fase.ZORG, 1), "22220001", "22220002");
    save(row("scope-d", "2003", Fase.ZORG, 1), "22220002");

    assertEquals(List.of("scope-a", "scope-b"), ids(list.find(scope(Set.of("2001", "2002"), null))), "by gemeenten");
    assertEquals(List.of("scope-a", "scope-c"), ids(list.find(scope(Set.of(), "22220001"))), "by agb, in any gemeente");
    assertEquals(List.of("scope-a", "scope-b", "scope-c"), ids(list.find(scope(Set.of("2002"), "22220001"))),
        "either, each case once");
    assertEquals(List.of("scope-a", "scope-c"), ids(list.find(scope(Set.of("2001"), "22220001"))), "both, each case once");
    assertEquals(List.of("22220001", "22220002"), list.find(scope(Set.of(), "22220001")).get(1).aanbieders(),
        "every aanbieder of a case in scope, not only the asker");

    assertEquals(List.of(), list.find(scope(Set.of(), null)), "no scope, nothing");
    assertEquals(List.of(), list.find(scope(null, null)), "no scope, nothing");
    assertEquals(List.of(), list.find(scope(Set.of("2009"), "22229999")), "a scope without cases");
  }

  @Test
  void filtersNarrowTheScopeAndNeverWidenIt() throws Exception {
    save(row("filter-a", "3001", Fase.ZORG, 1), "33330001");
    save(row("filter-b", "3001", Fase.TOEWIJZING, 1), "33330002");
    save(row("filter-c", "3002", Fase.ZORG, 1), "33330001");
    save(row("filter-d", "3003", Fase.ZORG, 1), "33330001");
    Set<String> gemeenten = Set.of("3001", "3002");

    assertEquals(List.of("filter-a", "filter-c"), ids(list.find(new Query(gemeenten, null, null, "ZORG", null, null, 100))));
    assertEquals(List.of("filter-a", "filter-b"), ids(list.find(new Query(gemeenten, null, "3001", null, null, null, 100))));
    assertEquals(List.of("filter-a", "filter-c"), ids(list.find(new Query(gemeenten, null, null, null, "33330001", null, 100))));
    assertEquals(List.of("filter-a"), ids(list.find(new Query(gemeenten, null, "3001", "ZORG", "33330001", null, 100))));
    assertEquals(List.of(), ids(list.find(new Query(gemeenten, null, "3003", null, null, null, 100))),
        "a gemeente outside the scope stays outside");
    assertEquals(List.of("filter-a"), ids(list.find(new Query(Set.of(), "33330001", "3001", null, null, null, 100))),
        "an aanbieder filtering by gemeente sees only its own cases there");
  }

  @Test
  void pagingByCaseIdVisitsEveryCaseOnce() throws Exception {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String caseId = String.format("page-%02d", i);
      expected.add(caseId);
      // Half of them also in scope by agb: a case in scope twice is still listed once.
      if (i % 2 == 0) save(row(caseId, "4001", Fase.ZORG, 1), "44440001", "44440002");
      else save(row(caseId, i % 3 == 0 ? "4001" : "4002", Fase.ZORG, 1));
    }
    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    while (true) {
      List<CaseSummaryView> page = list.find(new Query(Set.of("4001", "4002"), "44440001", null, null, null, after, 5));
      pages++;
      seen.addAll(ids(page));
      if (page.size() < 5) break;
      after = page.get(page.size() - 1).caseId();
    }
    assertEquals(expected, seen);
    assertEquals(5, pages);
    assertTrue(list.find(new Query(Set.of("4001", "4002"), null, null, null, null, "page-22", 5)).isEmpty());
  }

  @Test
  void theSameStoreWorksOnEmbeddedH2(@TempDir Path dir) throws Exception {
    try (Database h2 = Database.connect(DatabaseSettings.embedded(dir, 2))) {
      Migrations.apply(h2);
      CaseList store = new CaseList(h2);
      save(store, h2, row("h2-a", "5001", Fase.MELDING, 1), "55550001");
      save(store, h2, row("h2-a", "5001", Fase.ZORG, 2), "55550002", "55550003");
      save(store, h2, row("h2-b", "5002", Fase.ZORG, 1), "55550002");
      assertEquals(Optional.of(row("h2-a", "5001", Fase.ZORG, 2)), load(store, h2, "h2-a"));
      List<CaseSummaryView> found = store.find(new Query(Set.of("5001"), "55550002", null, "ZORG", null, null, 10));
      assertEquals(List.of("h2-a", "h2-b"), ids(found));
      assertEquals(List.of("55550002", "55550003"), found.get(0).aanbieders());
      assertEquals(List.of("h2-b"), ids(store.find(new Query(Set.of("5001"), "55550002", null, null, null, "h2-a", 10))));
    }
  }
}
