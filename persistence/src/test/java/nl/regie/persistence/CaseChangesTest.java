package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.regie.protocol.api.CaseChangeView;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Partij;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case stream's window: pruning deletes exactly the changes before the moment it is given, the
 * oldest offsets first and a bounded batch at a time, and raises the horizon to the highest offset
 * it deleted; what is newer stays, readable after any offset. On PostgreSQL and on H2.
 */
class CaseChangesTest {

  static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

  private static TestDatabase postgres;

  @BeforeAll
  static void createDatabase() {
    postgres = TestDatabase.migrated(CaseChangesTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    postgres.close();
  }

  @Test
  void pruningRemovesExactlyTheChangesBeforeTheMomentAndRecordsTheHorizonOnPostgres() throws Exception {
    try (Database database = Database.connect(postgres.settings())) {
      prunes(database);
    }
  }

  @Test
  void pruningRemovesExactlyTheChangesBeforeTheMomentAndRecordsTheHorizonOnH2(@TempDir Path dir) throws Exception {
    try (Database database = Database.connect(DatabaseSettings.embedded(dir, 2))) {
      Migrations.apply(database);
      prunes(database);
    }
  }

  /**
   * Changes of 10, 9, 8, exactly 7, 5, 4, 3 and 2 days ago, and one more of nine days ago that was
   * appended last (a late projection): a week's window keeps the five of the last week.
   */
  private static void prunes(Database database) throws Exception {
    CaseChanges changes = new CaseChanges(database);
    assertEquals(0, changes.horizon());
    List<Instant> ats = new ArrayList<>();
    for (int daysAgo : new int[] {10, 9, 8, 7, 5, 4, 3, 2, 9}) ats.add(NOW.minus(Duration.ofDays(daysAgo)));
    append(database, ats);
    List<CaseChangeView> all = changes.after(0, 100);
    assertEquals(9, all.size());
    long head = changes.head();
    assertEquals(all.get(8).offset(), head);

    Instant before = NOW.minus(Duration.ofDays(7));
    assertEquals(2, changes.prune(before, 2), "a batch at most");
    assertEquals(all.get(1).offset(), changes.horizon(), "the highest offset pruned");
    assertEquals(2, changes.prune(before, 2), "eight days ago, and the late one of nine");
    assertEquals(0, changes.prune(before, 2), "nothing older left");
    assertEquals(all.get(8).offset(), changes.horizon());
    assertEquals(head, changes.head(), "the head stays where it was when its row is pruned");

    List<Long> kept = changes.after(0, 100).stream().map(CaseChangeView::offset).toList();
    assertEquals(all.subList(3, 8).stream().map(CaseChangeView::offset).toList(), kept,
        "the five of the last week, the one of exactly seven days ago among them");
    assertEquals(kept.subList(2, 5), changes.after(kept.get(1), 100).stream().map(CaseChangeView::offset).toList());

    // The window moves on: a month later everything is gone, and the head is the horizon.
    while (changes.prune(NOW.plus(Duration.ofDays(30)), 2) == 2) {
      // on
    }
    assertEquals(List.of(), changes.after(0, 100));
    assertEquals(head, changes.horizon());
    assertEquals(head, changes.head());
  }

  private static void append(Database database, List<Instant> ats) throws Exception {
    List<CaseChanges.NewChange> rows = new ArrayList<>();
    for (int i = 0; i < ats.size(); i++) {
      rows.add(new CaseChanges.NewChange("case-" + i, "0983", Fase.MELDING, Partij.TOEGANG, "MeldingOntvangen", 1, ats.get(i), 1, 0,
          Set.of()));
    }
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      new CaseChanges(database).append(c, rows);
      c.commit();
    }
  }
}
