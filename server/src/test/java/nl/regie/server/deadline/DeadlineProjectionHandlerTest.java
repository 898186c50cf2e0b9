package nl.regie.server.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.regie.persistence.AlertStore;
import nl.regie.persistence.Database;
import nl.regie.persistence.DeadlineIndex;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.api.AlertView;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.regeling.Scope;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.server.cases.CaseEvent;
import nl.regie.server.cases.Deadline;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deadline projection's handler on PostgreSQL: the index follows the deadline, alerts land once. */
class DeadlineProjectionHandlerTest {

  static final AlertStore.Scope GEMEENTE_0983 = new AlertStore.Scope(java.util.Set.of("0983"), null);

  static TestDatabase postgres;
  static Database database;
  static DeadlineIndex index;
  static AlertStore alerts;

  @BeforeAll
  static void setUp() {
    postgres = TestDatabase.migrated(DeadlineProjectionHandlerTest.class);
    database = Database.connect(postgres.settings());
    index = new DeadlineIndex(database);
    alerts = new AlertStore(database);
  }

  @AfterAll
  static void tearDown() {
    database.close();
    postgres.close();
  }

  static final Instant WARN = Instant.parse("2026-12-23T23:00:00Z");
  static final Instant MISS = Instant.parse("2026-12-28T23:00:00Z");
  static final Instant ESCALATE = Instant.parse("2026-12-30T23:00:00Z");

  final List<AlertView> announced = new ArrayList<>();
  final DeadlineProjectionHandler handler = new DeadlineProjectionHandler(index, alerts, announced::add);
  long seqNr;

  /** One group of {@code events} of the case, in one transaction, as the projection hands them over. */
  void process(String caseId, CaseEvent... events) throws Exception {
    List<EventEnvelope<CaseEvent>> group = new ArrayList<>();
    for (CaseEvent event : events) group.add(envelope(caseId, event));
    process(group);
  }

  EventEnvelope<CaseEvent> envelope(String caseId, CaseEvent event) {
    return EventEnvelope.create(Offset.sequence(++seqNr), "Case|" + caseId, seqNr, event, 0L);
  }

  void process(List<EventEnvelope<CaseEvent>> group) throws Exception {
    HikariJdbcSession session = new HikariJdbcSession(database);
    try {
      handler.process(session, group);
      session.commit();
    } finally {
      session.close();
    }
  }

  static CaseEvent set(String id) {
    return new CaseEvent.DeadlineSet(new Deadline(id, "D8", "Aanbieder bevestigt", "aanbieder:12345678", Scope.AANBIEDER,
        "12345678", Set.of(Gebeurtenis.WMO302_ONTVANGEN), LocalDate.parse("2026-12-28"), WARN, MISS, ESCALATE,
        DeadlineStatus.OPEN, false), Instant.parse("2026-12-22T09:00:00Z"));
  }

  static CaseEvent alerted(String id, AlertLevel level, Instant scheduled) {
    return new CaseEvent.DeadlineAlerted(id, level, "D8", "Aanbieder bevestigt", "aanbieder:12345678",
        LocalDate.parse("2026-12-28"), "0983", scheduled, scheduled.plusSeconds(2));
  }

  @Test
  void theIndexFollowsADeadlineThroughWarningMissAndEscalation() throws Exception {
    String caseId = "case-a";
    process(caseId, set("D8:12345678"));
    assertEquals(List.of(new DeadlineIndex.Due(caseId, WARN)), dueFor(caseId, ESCALATE));

    process(caseId, alerted("D8:12345678", AlertLevel.WARNING, WARN));
    assertEquals(List.of(new DeadlineIndex.Due(caseId, MISS)), dueFor(caseId, ESCALATE));
    process(caseId, alerted("D8:12345678", AlertLevel.MISSED, MISS));
    assertEquals(List.of(new DeadlineIndex.Due(caseId, ESCALATE)), dueFor(caseId, ESCALATE));
    process(caseId, alerted("D8:12345678", AlertLevel.ESCALATED, ESCALATE));
    assertTrue(dueFor(caseId, ESCALATE.plusSeconds(86_400)).isEmpty());

    List<AlertView> stored = alerts.find(new AlertStore.Query(GEMEENTE_0983, null, null, caseId, null, 0, 10));
    assertEquals(List.of(AlertLevel.WARNING, AlertLevel.MISSED, AlertLevel.ESCALATED), stored.stream().map(AlertView::level).toList());
    assertEquals(stored, announced, "each stored alert was announced");
  }

  @Test
  void aMetOrLapsedDeadlineLeavesTheIndex() throws Exception {
    process("case-b", set("D8:12345678"));
    process("case-b", new CaseEvent.DeadlineMet("D8:12345678", false, Instant.parse("2026-12-23T09:00:00Z")));
    process("case-c", set("D8:12345678"));
    process("case-c", new CaseEvent.DeadlineVervallen("D8:12345678", "de melding is ingetrokken", Instant.parse("2026-12-23T09:00:00Z")));
    assertTrue(dueFor("case-b", ESCALATE).isEmpty());
    assertTrue(dueFor("case-c", ESCALATE).isEmpty());
  }

  @Test
  void anAlertSeenTwiceIsStoredAndAnnouncedOnce() throws Exception {
    process("case-d", set("D8:12345678"));
    process("case-d", alerted("D8:12345678", AlertLevel.MISSED, MISS));
    process("case-d", alerted("D8:12345678", AlertLevel.MISSED, MISS));
    assertEquals(1, alerts.find(new AlertStore.Query(GEMEENTE_0983, "0983", AlertLevel.MISSED, "case-d", "D8", 0, 10)).size());
    assertEquals(1, announced.size());
  }

  @Test
  void aGroupOfEventsIsOneTransactionWithTheSameOutcomeAsOneByOne() throws Exception {
    process("case-e", set("D8:12345678"), alerted("D8:12345678", AlertLevel.WARNING, WARN),
        alerted("D8:12345678", AlertLevel.MISSED, MISS), alerted("D8:12345678", AlertLevel.MISSED, MISS),
        alerted("D8:12345678", AlertLevel.ESCALATED, ESCALATE));
    process("case-f", set("D8:12345678"), alerted("D8:12345678", AlertLevel.WARNING, WARN));

    assertTrue(dueFor("case-e", ESCALATE.plusSeconds(86_400)).isEmpty());
    assertEquals(List.of(new DeadlineIndex.Due("case-f", MISS)), dueFor("case-f", ESCALATE));
    List<AlertView> stored = new ArrayList<>(alerts.find(new AlertStore.Query(GEMEENTE_0983, null, null, "case-e", null, 0, 10)));
    stored.addAll(alerts.find(new AlertStore.Query(GEMEENTE_0983, null, null, "case-f", null, 0, 10)));
    assertEquals(List.of(AlertLevel.WARNING, AlertLevel.MISSED, AlertLevel.ESCALATED, AlertLevel.WARNING),
        stored.stream().map(AlertView::level).toList());
    assertEquals(stored, announced, "each stored alert announced once, in order");
  }

  /**
   * The alerts of a group move the index in one batch: of several cases, a deadline without an
   * escalation leaving at its miss, and writes after the alerts (a met, a new deadline) applied
   * after them, each deadline ending where one event at a time leaves it.
   */
  @Test
  void alertsOfManyCasesInOneGroupMoveTheIndexAsOneAtATime() throws Exception {
    process("batch-a", set("D8:12345678"));
    process("batch-b", new CaseEvent.DeadlineSet(new Deadline("D8:12345678", "D8", "Aanbieder bevestigt", "aanbieder:12345678",
        Scope.AANBIEDER, "12345678", Set.of(Gebeurtenis.WMO302_ONTVANGEN), LocalDate.parse("2026-12-28"), null, MISS, null,
        DeadlineStatus.OPEN, false), Instant.parse("2026-12-22T09:00:00Z")));
    process("batch-c", set("D8:12345678"));
    process(List.of(
        envelope("batch-a", alerted("D8:12345678", AlertLevel.WARNING, WARN)),
        envelope("batch-b", alerted("D8:12345678", AlertLevel.MISSED, MISS)),
        envelope("batch-c", alerted("D8:12345678", AlertLevel.MISSED, MISS)),
        envelope("batch-c", new CaseEvent.DeadlineMet("D8:12345678", true, Instant.parse("2026-12-29T09:00:00Z"))),
        envelope("batch-d", set("D8:12345678"))));
    Instant later = ESCALATE.plusSeconds(86_400);
    assertEquals(List.of(new DeadlineIndex.Due("batch-a", MISS)), dueFor("batch-a", later), "warned: the miss is next");
    assertTrue(dueFor("batch-b", later).isEmpty(), "missed without an escalation: done");
    assertTrue(dueFor("batch-c", later).isEmpty(), "missed, then met: done");
    assertEquals(List.of(new DeadlineIndex.Due("batch-d", WARN)), dueFor("batch-d", later), "set after the alerts");
    assertEquals(3, announced.size());
  }

  /** More alerts than one statement takes, one already stored and one twice: each stored once, its ids in the alerts' order. */
  @Test
  void manyAlertsAreStoredOnceEachWithIdsInTheirOrder() throws Exception {
    List<AlertStore.NewAlert> many = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      many.add(new AlertStore.NewAlert(String.format("many-%04d", i), "D8:12345678", "0983", "D8", "Aanbieder bevestigt",
          AlertLevel.MISSED, LocalDate.parse("2026-12-28"), "aanbieder:12345678", MISS, MISS.plusSeconds(2)));
    }
    List<AlertView> first = insert(many.subList(0, 1));
    List<AlertStore.NewAlert> again = new ArrayList<>(many);
    again.add(700, many.get(699));
    List<AlertView> rest = insert(again);
    assertEquals(1, first.size());
    assertEquals(many.subList(1, many.size()).stream().map(AlertStore.NewAlert::caseId).toList(),
        rest.stream().map(AlertView::caseId).toList(), "the one stored before and the repeat left out, in order");
    for (int i = 1; i < rest.size(); i++) assertTrue(rest.get(i).id() > rest.get(i - 1).id());
    assertTrue(rest.get(0).id() > first.get(0).id());
    assertEquals(List.of(), insert(many));
  }

  private static List<AlertView> insert(List<AlertStore.NewAlert> newAlerts) throws Exception {
    try (var c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      List<AlertView> stored = alerts.insertOnce(c, newAlerts);
      c.commit();
      return stored;
    }
  }

  @Test
  void aSweepReadsALargeBacklogInPagesWithoutRepeats() throws Exception {
    for (int i = 0; i < 25; i++) process(String.format("sweep-%02d", i), set("D8:12345678"));
    List<DeadlineIndex.Due> seen = new ArrayList<>();
    Optional<DeadlineIndex.Due> position = Optional.empty();
    while (true) {
      List<DeadlineIndex.Due> page = index.due(ESCALATE, position, 10).stream().filter(d -> d.caseId().startsWith("sweep-")).toList();
      List<DeadlineIndex.Due> raw = index.due(ESCALATE, position, 10);
      seen.addAll(page);
      if (raw.size() < 10) break;
      position = Optional.of(raw.get(raw.size() - 1));
    }
    assertEquals(25, seen.size());
    assertEquals(25, seen.stream().map(DeadlineIndex.Due::caseId).distinct().count());
  }

  private static List<DeadlineIndex.Due> dueFor(String caseId, Instant now) {
    return index.due(now, Optional.empty(), 1000).stream().filter(d -> d.caseId().equals(caseId)).toList();
  }
}
