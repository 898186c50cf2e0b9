package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.regie.persistence.CaseList.NextDeadline;
import nl.regie.persistence.CaseList.Row;
import nl.regie.persistence.Werkvoorraad.After;
import nl.regie.persistence.Werkvoorraad.Query;
import nl.regie.protocol.api.WerkvoorraadView;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Partij;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work queue on PostgreSQL (and on embedded H2): open cases nearest due first, those without a
 * running deadline last, ended cases never; paging by its cursor visits every case once; the
 * filters narrow the asker's scope and never widen it. Each test keeps to gemeenten and AGB codes
 * of its own, so that the tests run in any order on one database.
 */
class WerkvoorraadTest {

  static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
  static final LocalDate DAY = LocalDate.parse("2026-12-01");

  static TestDatabase postgres;
  static Database database;
  static CaseList list;
  static Werkvoorraad queue;

  @BeforeAll
  static void createDatabase() {
    postgres = TestDatabase.migrated(WerkvoorraadTest.class);
    database = Database.connect(postgres.settings());
    list = new CaseList(database);
    queue = new Werkvoorraad(database);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
    postgres.close();
  }

  /** A row of {@code fase} with {@code aanZet}, its next deadline due {@code days} after DAY (none when null). */
  static Row row(String caseId, String gemeente, Fase fase, Partij aanZet, Integer days, DeadlineStatus status) {
    NextDeadline next = days == null ? null : new NextDeadline("D" + days, DAY.plusDays(days), "D" + days, "toegang:" + gemeente, status);
    return new Row(caseId, gemeente, fase, aanZet, "*****3653", LocalDate.parse("2026-11-24"), AT, 1, 0, next, 1);
  }

  static Row open(String caseId, String gemeente, Partij aanZet, Integer days) {
    return row(caseId, gemeente, Fase.ONDERZOEK, aanZet, days, DeadlineStatus.OPEN);
  }

  static void save(Row row, String... aanbieders) throws Exception {
    CaseListTest.save(list, database, row, aanbieders);
  }

  static Query query(Set<String> gemeenten, String agb, String gemeente, Partij aanZet, After after, int limit) {
    return new Query(gemeenten, agb, gemeente, aanZet, after, limit);
  }

  static List<String> ids(List<WerkvoorraadView> items) {
    return items.stream().map(WerkvoorraadView::caseId).toList();
  }

  /** Every page of {@code q} (its after ignored), each after the last case of the page before. */
  static List<String> allPages(Werkvoorraad store, Query q) {
    List<String> seen = new ArrayList<>();
    After after = null;
    for (int pages = 0; pages < 1000; pages++) {
      List<WerkvoorraadView> page = store.find(new Query(q.gemeenten(), q.agb(), q.gemeente(), q.aanZet(), after, q.limit()));
      seen.addAll(ids(page));
      if (page.size() < q.limit()) return seen;
      WerkvoorraadView last = page.get(page.size() - 1);
      after = new After(last.nextDeadline() == null ? null : last.nextDeadline().due(), last.caseId());
    }
    throw new AssertionError("more than 1000 pages");
  }

  @Test
  void aRowKeepsItsNextDeadline() throws Exception {
    Row row = row("keep-1", "6000", Fase.ZORG, Partij.AANBIEDER, 3, DeadlineStatus.ESCALATED);
    save(row);
    try (Connection c = database.dataSource().getConnection()) {
      assertEquals(Optional.of(row), list.load(c, "keep-1"));
    }
    Row without = open("keep-1", "6000", Partij.AANBIEDER, null);
    save(without);
    try (Connection c = database.dataSource().getConnection()) {
      assertEquals(Optional.of(without), list.load(c, "keep-1"), "a deadline met leaves no next one behind");
    }
    assertThrows(IllegalArgumentException.class, () -> new NextDeadline("D3", DAY, "D3", "toegang:6000", DeadlineStatus.MET));
  }

  @Test
  void nearestDueFirstThenByCaseIdWithoutADeadlineLastAndEndedCasesNever() throws Exception {
    save(open("order-e", "6001", Partij.TOEGANG, 5));
    save(row("order-b", "6001", Fase.ONDERZOEK, Partij.TOEGANG, 1, DeadlineStatus.MISSED));
    save(open("order-c", "6001", Partij.TOEGANG, 1));
    save(open("order-a", "6001", Partij.TOEGANG, null));
    save(open("order-d", "6001", Partij.TOEGANG, -10));
    save(open("order-0", "6001", Partij.TOEGANG, null));
    for (Fase end : List.of(Fase.STOP, Fase.INGETROKKEN, Fase.AFGEWEZEN)) {
      // An ended case keeps no running deadline; one with a stale row still stays out of the queue.
      save(row("order-ended-" + end, "6001", end, null, 0, DeadlineStatus.OPEN));
    }

    List<WerkvoorraadView> found = queue.find(query(Set.of("6001"), null, null, null, null, 100));
    assertEquals(List.of("order-d", "order-b", "order-c", "order-e", "order-0", "order-a"), ids(found));
    WerkvoorraadView missed = found.get(1);
    assertEquals(new WerkvoorraadView("order-b", "6001", Fase.ONDERZOEK, Partij.TOEGANG, "*****3653", LocalDate.parse("2026-11-24"),
        new WerkvoorraadView.NextDeadline("D1", DAY.plusDays(1), "toegang:6001", true)), missed);
    assertEquals(false, found.get(2).nextDeadline().missed(), "an open deadline is not missed");
    assertEquals(null, found.get(5).nextDeadline());
  }

  @Test
  void aanZetFiltersByWhoMustActNext() throws Exception {
    save(open("zet-toegang", "6002", Partij.TOEGANG, 2));
    save(open("zet-backoffice-2", "6002", Partij.BACKOFFICE, 4));
    save(open("zet-backoffice-1", "6002", Partij.BACKOFFICE, 3));
    save(open("zet-backoffice-0", "6002", Partij.BACKOFFICE, null));
    save(row("zet-aanbieder", "6002", Fase.ZORG, Partij.AANBIEDER, 1, DeadlineStatus.OPEN));
    save(open("zet-inwoner", "6002", Partij.INWONER, 7));
    save(open("zet-elders", "6003", Partij.BACKOFFICE, 0));
    Set<String> both = Set.of("6002", "6003");

    assertEquals(List.of("zet-backoffice-1", "zet-backoffice-2", "zet-backoffice-0"),
        ids(queue.find(query(both, null, "6002", Partij.BACKOFFICE, null, 100))));
    assertEquals(List.of("zet-elders", "zet-backoffice-1", "zet-backoffice-2", "zet-backoffice-0"),
        ids(queue.find(query(both, null, null, Partij.BACKOFFICE, null, 100))), "every gemeente of the asker");
    assertEquals(List.of("zet-inwoner"), ids(queue.find(query(both, null, "6002", Partij.INWONER, null, 100))));
    assertEquals(List.of("zet-aanbieder", "zet-toegang", "zet-backoffice-1", "zet-backoffice-2", "zet-inwoner", "zet-backoffice-0"),
        ids(queue.find(query(both, null, "6002", null, null, 100))), "no aanZet: every open case of the gemeente");
  }

  @Test
  void theScopeIsTheCaseListsAndFiltersNeverWidenIt() throws Exception {
    save(open("scope-a", "6004", Partij.AANBIEDER, 1), "66660001");
    save(open("scope-b", "6004", Partij.AANBIEDER, 2));
    save(open("scope-c", "6005", Partij.AANBIEDER, 3), "66660001", "66660002");
    save(open("scope-d", "6006", Partij.AANBIEDER, 4));

    assertEquals(List.of("scope-a", "scope-c"), ids(queue.find(query(Set.of(), "66660001", null, null, null, 100))),
        "an aanbieder: the cases with its toewijzing or verzoek, in any gemeente");
    assertEquals(List.of("scope-a"), ids(queue.find(query(Set.of(), "66660001", "6004", Partij.AANBIEDER, null, 100))));
    assertEquals(List.of("scope-a", "scope-b"), ids(queue.find(query(Set.of("6004"), null, null, null, null, 100))));
    assertEquals(List.of(), ids(queue.find(query(Set.of("6004"), null, "6006", null, null, 100))),
        "a gemeente outside the scope stays outside");
    assertEquals(List.of(), queue.find(query(Set.of(), null, null, null, null, 100)), "no scope, nothing");
  }

  @Test
  void pagingVisitsEveryOpenCaseOnceAcrossTiesAndTheUndatedTail() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      // Many on the same day, a third without a deadline, some ended, in scope by gemeente and by agb both.
      Integer days = i % 3 == 0 ? null : (i * 7) % 5;
      Fase fase = i % 8 == 7 ? Fase.STOP : Fase.ZORG;
      Row row = row(String.format("page-%02d", (i * 13) % 31), i % 2 == 0 ? "6007" : "6008", fase,
          fase.isEinde() ? null : Partij.AANBIEDER, days, DeadlineStatus.OPEN);
      rows.add(row);
      if (i % 4 == 0) save(row, "66670001");
      else save(row);
    }
    List<String> expected = rows.stream().filter(r -> !r.fase().isEinde())
        .sorted(Comparator.comparing((Row r) -> r.next() == null ? LocalDate.MAX : r.next().due()).thenComparing(Row::caseId))
        .map(Row::caseId).toList();
    for (int limit : List.of(1, 3, 4, 5, 100)) {
      assertEquals(expected, allPages(queue, query(Set.of("6007", "6008"), "66670001", null, null, null, limit)), "pages of " + limit);
    }
    assertEquals(expected.subList(expected.size() - 1, expected.size()), ids(queue.find(query(Set.of("6007", "6008"), null, null, null,
        new After(null, expected.get(expected.size() - 2)), 100))), "after an undated case: the undated ones after it");
  }

  @Test
  void theSameQueueWorksOnEmbeddedH2(@TempDir Path dir) throws Exception {
    try (Database h2 = Database.connect(DatabaseSettings.embedded(dir, 2))) {
      Migrations.apply(h2);
      CaseList store = new CaseList(h2);
      Werkvoorraad h2Queue = new Werkvoorraad(h2);
      CaseListTest.save(store, h2, open("h2-none", "6009", Partij.TOEGANG, null));
      CaseListTest.save(store, h2, open("h2-late", "6009", Partij.TOEGANG, 9));
      CaseListTest.save(store, h2, open("h2-soon", "6009", Partij.TOEGANG, 1), "66690001");
      CaseListTest.save(store, h2, open("h2-other", "6009", Partij.BACKOFFICE, 0));
      CaseListTest.save(store, h2, row("h2-ended", "6009", Fase.STOP, null, 0, DeadlineStatus.OPEN));
      try (Connection c = h2.dataSource().getConnection()) {
        assertEquals(Optional.of(open("h2-late", "6009", Partij.TOEGANG, 9)), store.load(c, "h2-late"));
      }
      assertEquals(List.of("h2-soon", "h2-late", "h2-none"),
          ids(h2Queue.find(query(Set.of("6009"), null, "6009", Partij.TOEGANG, null, 100))), "nulls last on H2 too");
      assertEquals(List.of("h2-other", "h2-soon", "h2-late", "h2-none"), allPages(h2Queue, query(Set.of("6009"), null, null, null, null, 2)));
      assertEquals(List.of("h2-soon"), ids(h2Queue.find(query(Set.of(), "66690001", null, null, null, 100))));
    }
  }
}
