package nl.regie.server.cak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.regie.persistence.CakAanlevering;
import nl.regie.persistence.Database;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.api.CakLeveringView;
import nl.regie.protocol.api.CakMutatieView;
import nl.regie.protocol.api.CakMutatieView.Soort;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.server.cases.CaseEvent;
import nl.regie.server.cases.Toewijzing;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CAK projection's handler on PostgreSQL: starts, stops and withdrawals become lines of the
 * month Regie recorded them in (in Europe/Amsterdam), with the cliënt's BSN and the toewijzing's
 * product and aanbieder; an interruption is a stop; a group handed over again changes nothing; a
 * regeling whose eigen bijdrage the aanbieder collects reports nothing and keeps no BSN.
 */
class CakProjectionHandlerTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  static final String BSN = "999993653";
  static final String GRONINGEN = "0014";

  static TestDatabase postgres;
  static Database database;
  static CakAanlevering store;

  @BeforeAll
  static void setUp() {
    postgres = TestDatabase.migrated(CakProjectionHandlerTest.class);
    database = Database.connect(postgres.settings());
    store = new CakAanlevering(database);
  }

  @AfterAll
  static void tearDown() {
    database.close();
    postgres.close();
  }

  final CakProjectionHandler handler = new CakProjectionHandler(store, regeling -> !regeling.startsWith("mo-"), ZONE);
  final Map<String, Long> seqNrs = new HashMap<>();
  long offset;

  List<EventEnvelope<CaseEvent>> next(String caseId, CaseEvent... events) {
    List<EventEnvelope<CaseEvent>> envelopes = new ArrayList<>();
    for (CaseEvent event : events) {
      long seqNr = seqNrs.merge(caseId, 1L, Long::sum);
      envelopes.add(EventEnvelope.create(Offset.sequence(++offset), "Case|" + caseId, seqNr, event, 0L));
    }
    return envelopes;
  }

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

  static Instant at(String local) {
    return java.time.LocalDateTime.parse(local).atZone(ZONE).toInstant();
  }

  static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  static CaseEvent melding(String gemeente, String regeling) {
    return new CaseEvent.MeldingOntvangen("x", BSN, gemeente, regeling, Kanaal.GEMEENTE, d("2026-09-01"), null, at("2026-09-01T09:00"));
  }

  static CaseEvent toegewezen(long... nummers) {
    List<Toewijzing> toewijzingen = new ArrayList<>();
    for (int i = 0; i < nummers.length; i++) {
      toewijzingen.add(Toewijzing.toegewezen(nummers[i], i == 0 ? "15A01" : "02A02", i == 0 ? "12345678" : "87654321",
          d("2026-10-01"), d("2027-12-31"), null));
    }
    return new CaseEvent.Toegewezen(d("2026-10-01"), toewijzingen, at("2026-10-01T10:00"));
  }

  static CaseEvent gestart(long nummer, String begin, String recorded) {
    return new CaseEvent.ZorgGestart(nummer, d(begin), 1L, at(recorded));
  }

  static CaseEvent gestopt(long nummer, String eind, RedenBeeindiging reden, String recorded) {
    return new CaseEvent.ZorgGestopt(nummer, d(eind), reden, 2L, at(recorded));
  }

  static CakMutatieView line(String recorded, Soort soort, String gemeente, long nummer, String product, String aanbieder,
      String begin, String eind, String reden, String caseId) {
    return new CakMutatieView(at(recorded), soort, BSN, gemeente, nummer, product, aanbieder, d(begin), eind == null ? null : d(eind),
        reden, caseId);
  }

  @Test
  void aLateStartGoesWithTheMonthItWasRecordedInAndEveryChangeIsALine() throws Exception {
    String caseId = "case-late";
    process(next(caseId, melding(GRONINGEN, "bw-groningen"), toegewezen(101, 102)));
    // Care started on 20 November, reported on 2 December; the other toewijzing on the last evening of November.
    process(next(caseId, gestart(102, "2026-11-30", "2026-11-30T23:30"), gestart(101, "2026-11-20", "2026-12-02T09:00")));

    assertEquals(List.of(line("2026-11-30T23:30", Soort.START, GRONINGEN, 102, "02A02", "87654321", "2026-11-30", null, null, caseId)),
        store.mutaties(GRONINGEN, YearMonth.parse("2026-11")), "23:30 in Amsterdam is still November, though 22:30 UTC");
    assertEquals(List.of(line("2026-12-02T09:00", Soort.START, GRONINGEN, 101, "15A01", "12345678", "2026-11-20", null, null, caseId)),
        store.mutaties(GRONINGEN, YearMonth.parse("2026-12")));
    assertEquals(List.of(), store.mutaties("0363", YearMonth.parse("2026-12")), "another gemeente's month");

    // An interruption is a stop for the CAK; the definitive stop after it makes no line of its own.
    process(next(caseId, gestopt(101, "2027-01-10", RedenBeeindiging.TIJDELIJK, "2027-01-11T08:00")));
    process(next(caseId, gestopt(101, "2027-01-31", RedenBeeindiging.OVERLIJDEN, "2027-02-01T08:00")));
    // A stop withdrawn, then a start withdrawn, then a start again.
    process(next(caseId, gestopt(102, "2027-01-15", RedenBeeindiging.VOLGENS_PLAN, "2027-01-16T08:00"),
        new CaseEvent.StopVerwijderd(102, d("2026-11-30"), 3L, at("2027-01-20T08:00")),
        new CaseEvent.StartVerwijderd(102, d("2026-11-30"), 4L, at("2027-01-21T08:00")),
        gestart(102, "2027-01-05", "2027-01-22T08:00")));

    assertEquals(List.of(
        line("2027-01-11T08:00", Soort.STOP, GRONINGEN, 101, "15A01", "12345678", "2026-11-20", "2027-01-10", "20", caseId),
        line("2027-01-16T08:00", Soort.STOP, GRONINGEN, 102, "02A02", "87654321", "2026-11-30", "2027-01-15", "19", caseId),
        line("2027-01-20T08:00", Soort.STOP_VERWIJDERD, GRONINGEN, 102, "02A02", "87654321", "2026-11-30", "2027-01-15", "19", caseId),
        line("2027-01-21T08:00", Soort.START_VERWIJDERD, GRONINGEN, 102, "02A02", "87654321", "2026-11-30", null, null, caseId),
        line("2027-01-22T08:00", Soort.START, GRONINGEN, 102, "02A02", "87654321", "2027-01-05", null, null, caseId)),
        store.mutaties(GRONINGEN, YearMonth.parse("2027-01")));
    assertEquals(List.of(), store.mutaties(GRONINGEN, YearMonth.parse("2027-02")), "the definitive stop after the pause");

    // The stand: who was in care in a month, as Regie knows it now.
    assertEquals(List.of(new CakLeveringView(BSN, GRONINGEN, 101, "15A01", "12345678", d("2026-11-20"), null, null, caseId)),
        store.stand(GRONINGEN, YearMonth.parse("2026-11")).stream().map(CakProjectionHandlerTest::withoutEnd).toList(),
        "the withdrawn start of 30 November is not care");
    List<CakLeveringView> january = store.stand(GRONINGEN, YearMonth.parse("2027-01"));
    assertEquals(List.of(
        new CakLeveringView(BSN, GRONINGEN, 101, "15A01", "12345678", d("2026-11-20"), d("2027-01-10"), "02", caseId),
        new CakLeveringView(BSN, GRONINGEN, 102, "02A02", "87654321", d("2027-01-05"), null, null, caseId)), january,
        "the pause ended the period; the definitive stop gave it its reden");
    assertEquals(List.of(new CakLeveringView(BSN, GRONINGEN, 102, "02A02", "87654321", d("2027-01-05"), null, null, caseId)),
        store.stand(GRONINGEN, YearMonth.parse("2027-02")));
  }

  static CakLeveringView withoutEnd(CakLeveringView l) {
    return new CakLeveringView(l.bsn(), l.gemeente(), l.toewijzingNummer(), l.product(), l.aanbieder(), l.begindatum(), null, null,
        l.caseId());
  }

  @Test
  void aGroupHandedOverAgainChangesNothing() throws Exception {
    String caseId = "case-replay";
    List<EventEnvelope<CaseEvent>> first = next(caseId, melding("0363", "wmo-noord-limburg"), toegewezen(201));
    List<EventEnvelope<CaseEvent>> second = next(caseId, gestart(201, "2026-11-02", "2026-11-03T10:00"),
        gestopt(201, "2026-11-20", RedenBeeindiging.VOLGENS_PLAN, "2026-11-21T10:00"));
    process(first);
    process(second);
    List<CakMutatieView> once = store.mutaties("0363", YearMonth.parse("2026-11"));
    assertEquals(2, once.size());
    List<CakLeveringView> stand = store.stand("0363", YearMonth.parse("2026-11"));

    process(second);
    List<EventEnvelope<CaseEvent>> all = new ArrayList<>(first);
    all.addAll(second);
    process(all);
    assertEquals(once, store.mutaties("0363", YearMonth.parse("2026-11")));
    assertEquals(stand, store.stand("0363", YearMonth.parse("2026-11")));
  }

  @Test
  void aCaseHandedOverReportsToItsNewGemeente() throws Exception {
    String caseId = "case-overgedragen";
    process(next(caseId, melding("0983", "wmo-noord-limburg"), new CaseEvent.Overgedragen("0983", "0935", at("2026-09-02T10:00")),
        toegewezen(301), gestart(301, "2026-11-02", "2026-11-03T10:00")));
    assertEquals(List.of(), store.mutaties("0983", YearMonth.parse("2026-11")));
    assertEquals(List.of(Soort.START), store.mutaties("0935", YearMonth.parse("2026-11")).stream().map(CakMutatieView::soort).toList());
  }

  @Test
  void aRegelingWhoseAanbiederCollectsTheBijdrageReportsNothingAndKeepsNoBsn() throws Exception {
    String caseId = "case-mo";
    process(next(caseId, melding("0983", "mo-noord-midden-limburg"), toegewezen(401), gestart(401, "2026-11-02", "2026-11-03T10:00"),
        gestopt(401, "2026-11-20", RedenBeeindiging.VOLGENS_PLAN, "2026-11-21T10:00")));
    assertEquals(List.of(), store.mutaties("0983", YearMonth.parse("2026-11")));
    assertEquals(List.of(), store.stand("0983", YearMonth.parse("2026-11")));
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT bsn, via_cak FROM cak_zaak WHERE case_id = '" + caseId + "'")) {
      rs.next();
      assertNull(rs.getString("bsn"));
      assertEquals(false, rs.getBoolean("via_cak"));
    }
  }
}
