package nl.regie.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.CaseList;
import nl.regie.persistence.Database;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.api.CaseChangeView;
import nl.regie.protocol.api.CaseSummaryView;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Partij;
import nl.regie.server.access.Access;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The case-list projection's handler on PostgreSQL: the row follows the case through its life,
 * a replayed event changes nothing, and the cliënt's BSN never reaches the tables.
 */
class CaseListProjectionHandlerTest {

  static final String BSN = "999993653";
  static final String MASKED = "*****3653";

  static final ActorTestKit testKit =
      ActorTestKit.create(ConfigFactory.parseResources("serialization.conf").withFallback(ConfigFactory.defaultReference()).resolve());
  static final Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
  static final Map<String, CaseEvent> samples = CaseEventSamples.all();

  static TestDatabase postgres;
  static Database database;
  static CaseList list;
  static CaseChanges changes;

  @BeforeAll
  static void setUp() {
    postgres = TestDatabase.migrated(CaseListProjectionHandlerTest.class);
    database = Database.connect(postgres.settings());
    list = new CaseList(database);
    changes = new CaseChanges(database);
  }

  @AfterAll
  static void tearDown() {
    database.close();
    postgres.close();
    testKit.shutdownTestKit();
  }

  CaseListFolds folds = new CaseListFolds(serialization, 100);
  CaseListProjectionHandler handler = new CaseListProjectionHandler(list, folds, changes);
  final Map<String, Long> seqNrs = new HashMap<>();
  long offset;

  /** The next events of the case, numbered on from its last ones. */
  List<EventEnvelope<CaseEvent>> next(String caseId, String... sampleNames) {
    List<EventEnvelope<CaseEvent>> envelopes = new ArrayList<>();
    for (String name : sampleNames) {
      long seqNr = seqNrs.merge(caseId, 1L, Long::sum);
      envelopes.add(envelope(caseId, seqNr, samples.get(name)));
    }
    return envelopes;
  }

  EventEnvelope<CaseEvent> envelope(String caseId, long seqNr, CaseEvent event) {
    return EventEnvelope.create(Offset.sequence(++offset), "Case|" + caseId, seqNr, event, 0L);
  }

  /** One group, in one transaction, as the projection hands it over. */
  void process(List<EventEnvelope<CaseEvent>> group) throws Exception {
    HikariJdbcSession session = new HikariJdbcSession(database);
    try {
      handler.process(session, group);
      session.commit();
    } catch (Exception e) {
      session.rollback();
      throw e;
    } finally {
      session.close();
    }
  }

  @SafeVarargs
  static <T> List<T> concat(List<T>... parts) {
    List<T> all = new ArrayList<>();
    for (List<T> part : parts) all.addAll(part);
    return all;
  }

  @Test
  void theRowFollowsACaseFromMeldingThroughToewijzingToZorg() throws Exception {
    String caseId = "case-life";
    process(next(caseId, "MeldingOntvangen"));
    CaseSummaryView melding = summary(caseId);
    assertEquals(Fase.MELDING, melding.fase());
    assertEquals(Partij.TOEGANG, melding.aanZet());
    assertEquals("0983", melding.gemeente());
    assertEquals(MASKED, melding.bsn());
    assertEquals(samples.get("MeldingOntvangen").at(), melding.updatedAt());
    assertEquals(List.of(), melding.aanbieders());
    assertEquals(1, melding.version());

    List<EventEnvelope<CaseEvent>> toewijzing = next(caseId, "ScreeningGestart", "ScreeningAfgerond", "OnderzoekAfgerond",
        "AanvraagOntvangen", "Toegewezen", "BerichtVerstuurd", "DeadlineSet");
    process(toewijzing);
    CaseSummaryView toegewezen = summary(caseId);
    assertEquals(Fase.TOEWIJZING, toegewezen.fase());
    assertEquals(Partij.AANBIEDER, toegewezen.aanZet());
    assertEquals(List.of("12345678", "87654321"), toegewezen.aanbieders());
    assertEquals(1, toegewezen.openDeadlines());
    assertEquals(8, toegewezen.version());
    CaseList.NextDeadline d8 =
        new CaseList.NextDeadline("D8:12345678", LocalDate.parse("2026-11-27"), "D8", "aanbieder:12345678", DeadlineStatus.OPEN);
    assertEquals(d8, next(caseId), "the work queue's deadline: the one running");

    List<EventEnvelope<CaseEvent>> zorg = next(caseId, "DeadlineAlerted", "ToewijzingBevestigd", "ZorgGestart");
    process(zorg);
    CaseSummaryView gestart = summary(caseId);
    assertEquals(Fase.ZORG, gestart.fase());
    assertEquals(Partij.AANBIEDER, gestart.aanZet());
    assertEquals(MASKED, gestart.bsn());
    assertEquals(0, gestart.openDeadlines());
    assertEquals(1, gestart.missedDeadlines());
    assertEquals(11, gestart.version());
    assertEquals(new CaseList.NextDeadline(d8.id(), d8.due(), "D8", d8.responsible(), DeadlineStatus.MISSED), next(caseId), "missed, still running");
    assertEquals(samples.get("ZorgGestart").at(), gestart.updatedAt());

    // The projection may hand over events again (a commit lost after the write): they change nothing.
    process(concat(toewijzing.subList(4, 7), zorg));
    process(List.of(envelope(caseId, 1, samples.get("MeldingOntvangen"))));
    assertEquals(gestart, summary(caseId));

    // A replay with a new event on the end applies only the new one.
    List<EventEnvelope<CaseEvent>> met = next(caseId, "DeadlineMet");
    process(concat(zorg, met));
    CaseSummaryView after = summary(caseId);
    assertEquals(12, after.version());
    assertEquals(0, after.missedDeadlines());
    assertNull(next(caseId), "met: no deadline runs");

    CaseState expected = CaseState.empty(caseId);
    for (String name : List.of("MeldingOntvangen", "ScreeningGestart", "ScreeningAfgerond", "OnderzoekAfgerond",
        "AanvraagOntvangen", "Toegewezen", "BerichtVerstuurd", "DeadlineSet", "DeadlineAlerted", "ToewijzingBevestigd",
        "ZorgGestart", "DeadlineMet")) {
      expected = expected.apply(samples.get(name));
    }
    assertEquals(CaseListState.kept(expected), kept(caseId, 12),
        "the state folded is the case's own, each event applied once, the BSN masked");
    assertEquals(12, expected.version());
  }

  @Test
  void aGroupWithTheWholeLifeEndsLikeOneEventAtATime() throws Exception {
    process(next("case-grouped", CaseStateSamples.LIFE.toArray(String[]::new)));
    for (String name : CaseStateSamples.LIFE) process(next("case-single", name));

    CaseSummaryView grouped = summary("case-grouped");
    CaseSummaryView single = summary("case-single");
    assertEquals(new CaseSummaryView("case-single", grouped.gemeente(), grouped.fase(), grouped.aanZet(), grouped.bsn(),
        grouped.meldingOp(), grouped.aanbieders(), grouped.openDeadlines(), grouped.missedDeadlines(), grouped.updatedAt(),
        grouped.version()), single);
    assertEquals("0984", grouped.gemeente(), "handed over");
    assertEquals(CaseStateSamples.LIFE.size(), grouped.version());
    CaseState expected = CaseListState.kept(CaseStateSamples.replayed());
    for (String caseId : List.of("case-grouped", "case-single")) {
      CaseState stored = kept(caseId, CaseStateSamples.LIFE.size());
      assertEquals(List.of(expected.fase(), expected.gemeente(), expected.melding(), expected.toewijzingen(), expected.deadlines(),
          expected.verzoeken(), expected.version()), List.of(stored.fase(), stored.gemeente(), stored.melding(), stored.toewijzingen(),
          stored.deadlines(), stored.verzoeken(), stored.version()), caseId);
      assertEquals(List.of(), stored.history(), "the list keeps no history");
    }
  }

  @Test
  void everyEventGetsOneEntryInTheCaseStreamInOrderAndAReplayAddsNone() throws Exception {
    String caseId = "case-stream";
    List<EventEnvelope<CaseEvent>> life = next(caseId, CaseStateSamples.LIFE.toArray(String[]::new));
    process(life.subList(0, 3));
    process(life.subList(3, life.size()));
    process(life.subList(2, 6));
    List<CaseChangeView> stream = changes.after(0, 10_000).stream().filter(c -> c.caseId().equals(caseId)).toList();
    assertEquals(CaseStateSamples.LIFE.stream().map(name -> samples.get(name).getClass().getSimpleName()).toList(),
        stream.stream().map(CaseChangeView::type).toList());
    for (int i = 1; i < stream.size(); i++) assertTrue(stream.get(i).offset() > stream.get(i - 1).offset());
    for (int i = 0; i < stream.size(); i++) assertEquals(i + 1, stream.get(i).version());
    CaseChangeView last = stream.get(stream.size() - 1);
    CaseSummaryView summary = summary(caseId);
    assertEquals(List.of(summary.gemeente(), summary.fase(), summary.aanbieders(), summary.openDeadlines(), summary.missedDeadlines(),
        summary.version()), List.of(last.gemeente(), last.fase(), last.aanbieders(), last.deadlines().open(), last.deadlines().missed(),
        last.version()));
    assertEquals(samples.get(CaseStateSamples.LIFE.get(CaseStateSamples.LIFE.size() - 1)).at(), last.at());
    assertTrue(changes.head() >= last.offset());
    assertFalse(dump("case_change").contains(BSN));
  }

  /**
   * A decision written as one journal row (a melding and the deadline it starts) is one entry in
   * the case stream: named by the event that caused it, showing the case after all of it; a
   * replay of the row adds none.
   */
  @Test
  void aDecisionInOneJournalRowIsOneEntryInTheCaseStream() throws Exception {
    String caseId = "case-one-row";
    CaseEvent.Grouped row = new CaseEvent.Grouped(1, List.of(samples.get("MeldingOntvangen"), samples.get("DeadlineSet")),
        CaseEventSamples.AT);
    List<EventEnvelope<CaseEvent>> unpacked = GroupedEvents.unpacked(List.of(envelope(caseId, 1, row)));
    assertEquals(List.of(1L, 2L), unpacked.stream().map(EventEnvelope::sequenceNr).toList(), "the events keep their numbers");
    process(unpacked);
    process(unpacked);
    List<CaseChangeView> stream = changes.after(0, 10_000).stream().filter(c -> c.caseId().equals(caseId)).toList();
    assertEquals(1, stream.size(), stream::toString);
    assertEquals("MeldingOntvangen", stream.get(0).type());
    assertEquals(2, stream.get(0).version());
    assertEquals(1, stream.get(0).deadlines().open(), "the deadline the melding started shows");
  }

  /** Of several deadlines, the running one due first; ties by id; met and lapsed ones never. */
  @Test
  void theNextDeadlineIsTheRunningOneDueFirst() {
    Deadline d8 = ((CaseEvent.DeadlineSet) samples.get("DeadlineSet")).deadline();
    CaseState state = CaseState.empty("case-next").apply(samples.get("MeldingOntvangen"));
    for (Deadline d : List.of(
        deadline(d8, "D1", "2026-11-01", DeadlineStatus.MET), deadline(d8, "D2", "2026-11-02", DeadlineStatus.VERVALLEN),
        deadline(d8, "D9:b", "2026-12-03", DeadlineStatus.OPEN), deadline(d8, "D9:a", "2026-12-03", DeadlineStatus.ESCALATED),
        deadline(d8, "D10", "2026-12-20", DeadlineStatus.MISSED))) {
      state = state.apply(new CaseEvent.DeadlineSet(d, CaseEventSamples.AT));
    }
    assertEquals(new CaseList.NextDeadline("D9:a", LocalDate.parse("2026-12-03"), "D9:a", d8.responsible(), DeadlineStatus.ESCALATED),
        CaseListState.next(state));
    assertNull(CaseListState.next(CaseState.empty("case-none")));
  }

  /** {@code base} as deadline {@code id} (also its code), due {@code due}, standing at {@code status}. */
  private static Deadline deadline(Deadline base, String id, String due, DeadlineStatus status) {
    return new Deadline(id, id, base.omschrijving(), base.responsible(), base.scope(), base.key(), base.voldaan(),
        LocalDate.parse(due), base.warnAt(), base.missedAt(), base.escalateAt(), status, false);
  }

  @Test
  void anAanbiederWithOnlyAVerzoekIsAmongTheAanbieders() throws Exception {
    String caseId = "case-verzoek";
    process(next(caseId, "MeldingOntvangen"));
    Verzoek verzoek = Verzoek.ontvangen("55556666", "VOT-1", "WMO315", 40L, LocalDate.parse("2027-02-01"), null, List.of());
    process(List.of(envelope(caseId, 2, new CaseEvent.VerzoekOntvangen(List.of(verzoek), CaseEventSamples.AT.plusSeconds(5)))));
    assertEquals(List.of("55556666"), summary(caseId).aanbieders());
  }

  @Test
  void aMissingEventStopsTheProjectionAndWritesNothing() throws Exception {
    String caseId = "case-gap";
    process(next(caseId, "MeldingOntvangen"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> process(List.of(envelope(caseId, 3, samples.get("ScreeningAfgerond")))));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    assertEquals(1, summary(caseId).version());
    assertEquals(Fase.MELDING, summary(caseId).fase());
  }

  @Test
  void theFullBsnIsNowhereInTheCaseListTables() throws Exception {
    String caseId = "case-bsn";
    process(next(caseId, CaseStateSamples.LIFE.toArray(String[]::new)));
    String everything = dump("case_list") + dump("case_list_aanbieder");
    assertTrue(everything.contains(caseId));
    assertFalse(everything.contains(BSN), "the full BSN is stored nowhere in the case list");
    assertEquals(MASKED, kept(caseId, CaseStateSamples.LIFE.size()).melding().bsn(), "the state kept in memory has the masked BSN");
  }

  /**
   * Masking the BSN and dropping the history change nothing the fold does: the kept state, folded
   * on after every event, stays the kept state of the real case.
   */
  @Test
  void theKeptStateFoldsOnLikeTheRealOne() {
    CaseState kept = CaseState.empty(CaseStateSamples.CASE_ID);
    CaseState unmasked = CaseState.empty(CaseStateSamples.CASE_ID);
    for (String name : CaseStateSamples.LIFE) {
      unmasked = unmasked.apply(samples.get(name));
      kept = CaseListState.kept(kept.apply(samples.get(name)));
      assertEquals(CaseListState.kept(unmasked), kept, name);
    }
    assertEquals(CaseStateSamples.replayed(), unmasked);
  }

  /**
   * A case whose fold is not in memory (after a restart, or evicted) is folded anew from its
   * journal rows up to its row's version, and goes on exactly as if it had never been away; the
   * case list itself stores no state.
   */
  @Test
  void aCaseNotInMemoryIsFoldedFromItsJournal() throws Exception {
    String caseId = "case-journal";
    List<String> life = CaseStateSamples.LIFE;
    int half = life.size() / 2;
    process(journal(caseId, 1, life.subList(0, 3)));
    process(journal(caseId, 4, life.subList(3, half)));
    // A restart: nothing in memory; the next decision must fold on from the journal.
    restart();
    process(journal(caseId, half + 1, life.subList(half, life.size())));

    for (String name : life) process(next("case-never-away", name));
    CaseSummaryView away = summary(caseId);
    CaseSummaryView never = summary("case-never-away");
    assertEquals(List.of(never.fase(), never.gemeente(), never.aanZet(), never.aanbieders(), never.openDeadlines(),
        never.missedDeadlines(), never.version()), List.of(away.fase(), away.gemeente(), away.aanZet(), away.aanbieders(),
        away.openDeadlines(), away.missedDeadlines(), away.version()));
    restart();
    assertEquals(CaseListState.kept(CaseStateSamples.replayed()).deadlines(), kept(caseId, life.size()).deadlines());
    assertFalse(dump("case_list").contains("{"), "the case list stores no state");
  }

  /**
   * A case woken only to raise alerts, whose state the list does not hold (passivated long ago, as
   * in a burst of deadlines), has its row moved on by the alerts alone: the same row and the same
   * stream entries as folding it would give. This case has no journal rows, so a fold would fail.
   */
  @Test
  void aCaseWokenOnlyForAlertsMovesItsRowAsItsFoldWould() throws Exception {
    String caseId = "case-alerted";
    List<CaseEvent> before = beforeAlerts();
    List<EventEnvelope<CaseEvent>> earlier = new ArrayList<>();
    for (CaseEvent event : before) earlier.add(envelope(caseId, seqNrs.merge(caseId, 1L, Long::sum), event));
    process(earlier);
    restart();
    long offsetBefore = changes.head();

    List<List<CaseEvent>> decisions = alertDecisions();
    process(unpackedRows(caseId, before.size() + 1, decisions));
    process(unpackedRows(caseId, before.size() + 2, decisions.subList(1, 2)));

    CaseState folded = CaseState.empty(caseId);
    for (CaseEvent event : before) folded = folded.apply(event);
    List<CaseChanges.NewChange> expected = new ArrayList<>();
    for (List<CaseEvent> decision : decisions) {
      for (CaseEvent event : decision) folded = folded.apply(event);
      expected.add(CaseListState.change(folded, folded.version(), decision.get(0)));
    }
    try (Connection c = database.dataSource().getConnection()) {
      assertEquals(CaseListState.row(folded, folded.version(), decisions.get(decisions.size() - 1).get(0).at()),
          list.load(c, caseId).orElseThrow());
    }
    assertEquals(new CaseList.NextDeadline("D9:a", LocalDate.parse("2026-12-03"), "D9:a", "aanbieder:12345678",
        DeadlineStatus.ESCALATED), next(caseId));
    List<CaseChangeView> stream = changes.after(offsetBefore, 10_000).stream().filter(c -> c.caseId().equals(caseId)).toList();
    assertEquals(expected.size(), stream.size(), "one entry per decision, none for the replay");
    for (int i = 0; i < expected.size(); i++) {
      CaseChanges.NewChange e = expected.get(i);
      CaseChangeView v = stream.get(i);
      assertEquals(List.of(e.type(), e.version(), e.at(), e.fase(), e.aanZet(), e.openDeadlines(), e.missedDeadlines(), e.aanbieders()),
          List.of(v.type(), v.version(), v.at(), v.fase(), v.aanZet(), v.deadlines().open(), v.deadlines().missed(),
              Set.copyOf(v.aanbieders())), "entry " + i);
    }
  }

  /** A row written before the list kept its next deadline's id is folded from its journal, as before. */
  @Test
  void anAlertOnARowWithoutItsNextDeadlineIdIsFolded() throws Exception {
    String caseId = "case-alerted-old-row";
    List<CaseEvent> before = beforeAlerts();
    process(journalEvents(caseId, 1, before));
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("UPDATE case_list SET next_deadline_id = NULL WHERE case_id = '" + caseId + "'"));
    }
    restart();
    List<List<CaseEvent>> decisions = alertDecisions();
    process(unpackedRows(caseId, before.size() + 1, decisions));
    CaseState folded = CaseState.empty(caseId);
    for (CaseEvent event : before) folded = folded.apply(event);
    for (List<CaseEvent> decision : decisions) for (CaseEvent event : decision) folded = folded.apply(event);
    try (Connection c = database.dataSource().getConnection()) {
      assertEquals(CaseListState.row(folded, folded.version(), decisions.get(decisions.size() - 1).get(0).at()),
          list.load(c, caseId).orElseThrow(), "folded, and the id written again");
    }
  }

  /** A melding with three deadlines and two toewijzingen' aanbieders, the next two due the same day. */
  private static List<CaseEvent> beforeAlerts() {
    Deadline d8 = ((CaseEvent.DeadlineSet) samples.get("DeadlineSet")).deadline();
    List<CaseEvent> events = new ArrayList<>(List.of(samples.get("MeldingOntvangen"), samples.get("ScreeningGestart"),
        samples.get("ScreeningAfgerond"), samples.get("OnderzoekAfgerond"), samples.get("AanvraagOntvangen"), samples.get("Toegewezen")));
    for (Deadline d : List.of(deadline(d8, "D9:b", "2026-12-03", DeadlineStatus.OPEN),
        deadline(d8, "D9:a", "2026-12-03", DeadlineStatus.OPEN), deadline(d8, "D10", "2026-12-20", DeadlineStatus.OPEN))) {
      events.add(new CaseEvent.DeadlineSet(d, CaseEventSamples.AT.plusSeconds(600)));
    }
    return events;
  }

  /** Decisions of alerts only: a warning; a miss; a miss and its escalation at once (a case woken late); another miss. */
  private static List<List<CaseEvent>> alertDecisions() {
    return List.of(List.of(alert("D9:a", AlertLevel.WARNING, 1)), List.of(alert("D9:b", AlertLevel.MISSED, 2)),
        List.of(alert("D9:a", AlertLevel.MISSED, 3), alert("D9:a", AlertLevel.ESCALATED, 3)), List.of(alert("D10", AlertLevel.MISSED, 4)));
  }

  private static CaseEvent.DeadlineAlerted alert(String deadlineId, AlertLevel level, int day) {
    Instant at = Instant.parse("2026-12-0" + day + "T23:00:00Z");
    return new CaseEvent.DeadlineAlerted(deadlineId, level, deadlineId, "omschrijving", "aanbieder:12345678",
        LocalDate.parse("2026-12-03"), "0984", at, at.plusSeconds(1));
  }

  /**
   * Each decision as one journal row of the case, its events numbered from {@code firstVersion} on,
   * unpacked as the projection hands them over (not written to the journal).
   */
  private List<EventEnvelope<CaseEvent>> unpackedRows(String caseId, long firstVersion, List<List<CaseEvent>> decisions) {
    List<EventEnvelope<CaseEvent>> envelopes = new ArrayList<>();
    long version = firstVersion;
    for (List<CaseEvent> decision : decisions) {
      CaseEvent.Grouped row = new CaseEvent.Grouped(version, decision, decision.get(decision.size() - 1).at());
      envelopes.addAll(GroupedEvents.unpacked(List.of(envelope(caseId, version, row))));
      version += decision.size();
    }
    return envelopes;
  }

  /**
   * A group whose transaction failed after the fold moved on leaves the fold ahead of the row:
   * it is not used, and the group, handed over again, is written as if the first try never was.
   */
  @Test
  void aFoldAheadOfItsRowIsNotUsed() throws Exception {
    String caseId = "case-rolled-back";
    List<String> life = CaseStateSamples.LIFE;
    process(journal(caseId, 1, life.subList(0, 2)));
    List<EventEnvelope<CaseEvent>> rest = journal(caseId, 3, life.subList(2, life.size()));
    HikariJdbcSession session = new HikariJdbcSession(database);
    try {
      handler.process(session, rest);
      session.rollback();
    } finally {
      session.close();
    }
    assertEquals(2, summary(caseId).version(), "rolled back");
    process(rest);
    assertEquals(life.size(), summary(caseId).version());
    assertEquals(CaseListState.kept(CaseStateSamples.replayed()).fase(), summary(caseId).fase());
  }

  /**
   * A state holds the BSN in its melding (masked in the list) and in the MeldingOntvangen of its
   * history (not kept); should a field named so appear anywhere else in the state or the events,
   * this fails before the BSN reaches the case list.
   */
  @Test
  void theStateHoldsTheBsnOnlyWhereTheMaskingLooks() {
    Set<String> found = new TreeSet<>();
    bsnFields(CaseState.class, found, new HashSet<>());
    assertEquals(Set.of("Melding.bsn", "MeldingOntvangen.bsn"), found);
  }

  private static void bsnFields(Type type, Set<String> found, Set<Type> seen) {
    if (!seen.add(type)) return;
    if (type instanceof ParameterizedType p) {
      for (Type argument : p.getActualTypeArguments()) bsnFields(argument, found, seen);
    } else if (type instanceof Class<?> c && c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        if (component.getName().toLowerCase(Locale.ROOT).contains("bsn")) found.add(c.getSimpleName() + "." + component.getName());
        bsnFields(component.getGenericType(), found, seen);
      }
    } else if (type instanceof Class<?> c && c.isSealed()) {
      for (Class<?> permitted : c.getPermittedSubclasses()) bsnFields(permitted, found, seen);
    }
  }

  @Test
  void aBsnShowsOnlyItsLastFourDigits() {
    assertEquals(MASKED, Access.masked(BSN));
    assertEquals(MASKED, Access.masked(MASKED));
    assertEquals("****", Access.masked("1234"));
    assertNull(Access.masked(null));
  }

  private static CaseSummaryView summary(String caseId) {
    List<CaseSummaryView> found = list.find(new CaseList.Query(Set.of("0983", "0984"), null, null, null, null, null, 1000))
        .stream().filter(s -> s.caseId().equals(caseId)).toList();
    assertEquals(1, found.size(), caseId);
    return found.get(0);
  }

  private static CaseList.NextDeadline next(String caseId) throws Exception {
    try (Connection c = database.dataSource().getConnection()) {
      return list.load(c, caseId).orElseThrow().next();
    }
  }

  /** The state the list folds {@code caseId} on from at {@code version}, as the handler sees it. */
  private CaseState kept(String caseId, long version) throws Exception {
    try (Connection c = database.dataSource().getConnection()) {
      return folds.at(c, List.of(caseId), Map.of(caseId, new CaseList.Stamp(version, null))).get(caseId).state();
    }
  }

  /** A new handler, with nothing in memory, as after a restart. */
  private void restart() {
    folds = new CaseListFolds(serialization, 100);
    handler = new CaseListProjectionHandler(list, folds, changes);
  }

  /**
   * The events of one decision written to the journal as the case writes them (one row, its
   * events numbered from {@code firstVersion}), and handed over as the projection hands them over.
   */
  private List<EventEnvelope<CaseEvent>> journal(String caseId, long firstVersion, List<String> sampleNames) throws Exception {
    return journalEvents(caseId, firstVersion, sampleNames.stream().map(samples::get).toList());
  }

  private List<EventEnvelope<CaseEvent>> journalEvents(String caseId, long firstVersion, List<CaseEvent> events) throws Exception {
    CaseEvent.Grouped row = new CaseEvent.Grouped(firstVersion, events, events.get(events.size() - 1).at());
    long sequenceNr = seqNrs.merge(caseId, 1L, Long::sum);
    Serializer serializer = serialization.findSerializerFor(row);
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO event_journal (persistence_id, sequence_number, deleted, writer, write_timestamp, adapter_manifest, "
            + "event_ser_id, event_ser_manifest, event_payload) VALUES (?, ?, false, 'test', 0, '', ?, ?, ?)")) {
      ps.setString(1, CaseEntity.persistenceIdOf(caseId).id());
      ps.setLong(2, sequenceNr);
      ps.setInt(3, serializer.identifier());
      ps.setString(4, Serializers.manifestFor(serializer, row));
      ps.setBytes(5, serialization.serialize(row).get());
      ps.executeUpdate();
    }
    return GroupedEvents.unpacked(List.of(envelope(caseId, sequenceNr, row)));
  }

  /** Every column of every row of {@code table}, as text. */
  private static String dump(String table) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        for (int i = 1; i <= meta.getColumnCount(); i++) all.append(rs.getString(i)).append('|');
        all.append('\n');
      }
    }
    return all.toString();
  }
}
