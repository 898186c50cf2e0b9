package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.regie.persistence.BerichtStore.New;
import nl.regie.persistence.BerichtStore.Richting;
import nl.regie.persistence.BerichtStore.Status;
import nl.regie.protocol.api.AlertView;
import nl.regie.protocol.cases.AlertLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ids of alerts and berichten become visible in the order they were taken: while one transaction
 * that inserted holds its table's append lock, another waits (PostgreSQL says so in
 * pg_stat_activity) and takes its id only after the first has committed, so a reader paging on
 * from the higher id has seen the lower one.
 */
class AppendLockTest {

  private static TestDatabase postgres;
  private static Database database;

  @BeforeAll
  static void createDatabase() {
    postgres = TestDatabase.migrated(AppendLockTest.class);
    database = Database.connect(postgres.settings());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
    postgres.close();
  }

  @Test
  void aSecondAlertWaitsForTheFirstToCommitAndGetsTheHigherId() throws Exception {
    AlertStore alerts = new AlertStore(database);
    try (Connection first = database.dataSource().getConnection()) {
      first.setAutoCommit(false);
      long firstId = alerts.insertOnce(first, List.of(alert("case-1"))).get(0).id();

      CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
        try (Connection c = database.dataSource().getConnection()) {
          c.setAutoCommit(false);
          long id = alerts.insertOnce(c, List.of(alert("case-2"))).get(0).id();
          c.commit();
          return id;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      awaitOneWaitingOnALock();
      assertFalse(second.isDone());
      assertEquals(List.of(), visibleAlerts(), "nothing committed yet");

      first.commit();
      long secondId = second.get(30, TimeUnit.SECONDS);
      assertTrue(secondId > firstId);
      assertEquals(List.of(firstId, secondId), visibleAlerts());
    }
  }

  @Test
  void aBerichtWaitsForATransactionThatStoresOneAndAFailedOneLeavesNoGap() throws Exception {
    BerichtStore berichten = new BerichtStore(database);
    long before = berichten.insert(bericht("B0"));
    try (Connection first = database.dataSource().getConnection()) {
      first.setAutoCommit(false);
      berichten.insert(first, bericht("B1"));

      CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> berichten.insert(bericht("B2")));
      awaitOneWaitingOnALock();
      assertFalse(second.isDone());

      first.rollback();
      long secondId = second.get(30, TimeUnit.SECONDS);
      assertTrue(berichten.find(secondId).isPresent());
      assertTrue(secondId > before);
    }
  }

  @Test
  void theLockNeedsATransaction() throws Exception {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(true);
      assertThrows(IllegalStateException.class, () -> AppendLock.ALERT.take(c));
    }
  }

  private static AlertStore.NewAlert alert(String caseId) {
    Instant at = Instant.parse("2026-12-28T23:00:00Z");
    return new AlertStore.NewAlert(caseId, "D8:12345678", "0983", "D8", "Aanbieder bevestigt", AlertLevel.MISSED,
        LocalDate.parse("2026-12-28"), "aanbieder:12345678", at, at);
  }

  private static New bericht(String identificatie) {
    return new New(Richting.UIT, "WMO301", "0983", "12345678", identificatie, LocalDate.of(2026, 11, 26), "xml",
        "<x/>".getBytes(StandardCharsets.UTF_8), "sha-" + identificatie, Instant.parse("2026-11-26T09:00:00Z"),
        Status.VERZONDEN, "case-1");
  }

  private static List<Long> visibleAlerts() {
    return new AlertStore(database).find(new AlertStore.Query(new AlertStore.Scope(java.util.Set.of("0983"), null), null, null, null, null, 0, 10)).stream().map(AlertView::id).toList();
  }

  /** Waits (the bound is generous, not a measurement) until a backend of this database waits for a lock. */
  private static void awaitOneWaitingOnALock() throws Exception {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    DatabaseSettings s = postgres.settings();
    try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password()); Statement st = c.createStatement()) {
      while (true) {
        try (ResultSet rs = st.executeQuery(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
          rs.next();
          if (rs.getLong(1) == 1) return;
        }
        if (System.nanoTime() > giveUp) throw new AssertionError("no transaction came to wait for the append lock");
        Thread.sleep(20);
      }
    }
  }
}
