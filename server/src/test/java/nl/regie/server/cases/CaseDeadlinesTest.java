package nl.regie.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.api.CaseView.DeadlineView;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Omvang;
import nl.regie.server.testing.MutableClock;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadlines of one case under a clock the test moves: set by what happens, warned, missed and
 * escalated on the right werkdagen, met on time or late, lapsed when the case ends, each alert
 * once. The rules are {@link TestRules}.
 */
class CaseDeadlinesTest {

  static final ActorTestKit testKit = ActorTestKit.create(
      ConfigFactory.parseResources("serialization.conf").withFallback(EventSourcedBehaviorTestKit.config()).resolve());
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final Omvang OMVANG = new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR);

  MutableClock clock;
  EventSourcedBehaviorTestKit<CaseCommand, CaseEvent, CaseState> kit;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void newCase() {
    clock = new MutableClock(at("2026-12-14T09:00"));
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), CaseEntity.create("case-d",
        new CaseSettings(100, 4, Duration.ofMinutes(2), AMSTERDAM), TestRules.regelingen(), clock));
  }

  static Instant at(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), AMSTERDAM).toInstant();
  }

  CaseView accepted(Function<ActorRef<CaseReply>, CaseCommand> command) {
    CaseReply reply = kit.<CaseReply>runCommand(command).reply();
    return assertInstanceOf(CaseReply.Accepted.class, reply, () -> "refused: " + reply).view();
  }

  List<CaseEvent.DeadlineAlerted> wake() {
    var result = kit.<CaseReply>runCommand(CaseCommand.Wake::new);
    List<CaseEvent.DeadlineAlerted> alerts = CaseEvent.unpacked(result.events()).stream().map(e -> assertInstanceOf(CaseEvent.DeadlineAlerted.class, e)).toList();
    assertEquals(alerts.size(), assertInstanceOf(CaseReply.Checked.class, result.reply()).alertsRaised());
    return alerts;
  }

  DeadlineView deadline(String code) {
    CaseView view = accepted(CaseCommand.Get::new);
    return view.deadlines().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError("no " + code));
  }

  void melding(Kanaal kanaal, LocalDate meldingOp) {
    accepted(r -> new CaseCommand.MeldingMaken("999993653", "0983", "wmo-noord-limburg", kanaal, meldingOp, null, r));
  }

  void tot(String aanbieder, String ingang, String eind) {
    melding(Kanaal.GEMEENTE, LocalDate.parse("2026-11-24"));
    accepted(CaseCommand.ScreeningStarten::new);
    accepted(r -> new CaseCommand.ScreeningAfronden(false, "0983", r));
    accepted(r -> new CaseCommand.OnderzoekAfronden(LocalDate.parse("2026-12-01"), r));
    accepted(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-05"), r));
    clock.set(at("2026-12-22T10:00"));
    accepted(r -> new CaseCommand.Toewijzen(LocalDate.parse("2026-12-22"), List.of(new CaseCommand.Toewijzen.Regel(
        1001, "02A02", aanbieder, LocalDate.parse(ingang), eind == null ? null : LocalDate.parse(eind), OMVANG)), Map.of(), r));
  }

  @Test
  void anUnansweredWmo301WarnsMissesAndEscalatesOnTheRightWerkdagen() {
    tot("12345678", "2027-01-04", "2027-12-31");
    DeadlineView d8 = deadline("D8");
    // Sent Tuesday 22 December: Wed 23 (1), Thu 24 (2), Christmas and the weekend, Mon 28 (3).
    assertEquals(LocalDate.parse("2026-12-28"), d8.due());
    assertEquals("aanbieder:12345678", d8.responsible());
    assertEquals("12345678", d8.aanbieder());
    assertEquals(DeadlineStatus.OPEN, d8.status());

    clock.set(at("2026-12-23T23:59"));
    assertTrue(wake().isEmpty(), "no warning before Thursday 24 (one werkdag before the due date)");
    clock.set(at("2026-12-24T00:00"));
    List<CaseEvent.DeadlineAlerted> warning = wake();
    assertEquals(List.of(AlertLevel.WARNING), warning.stream().map(CaseEvent.DeadlineAlerted::level).toList());
    assertEquals("D8", warning.get(0).code());
    assertEquals(at("2026-12-24T00:00"), warning.get(0).scheduledFor());
    assertTrue(wake().isEmpty(), "a warning goes out once");

    clock.set(at("2026-12-28T23:59"));
    assertTrue(wake().isEmpty(), "met on the due date itself would still be on time");
    clock.set(at("2026-12-29T00:00"));
    assertEquals(List.of(AlertLevel.MISSED), wake().stream().map(CaseEvent.DeadlineAlerted::level).toList());
    assertEquals(DeadlineStatus.MISSED, deadline("D8").status());

    // Escalation after two more werkdagen: Tue 29 (1), Wed 30 (2): on Thursday 31 December.
    clock.set(at("2026-12-30T23:00"));
    assertTrue(wake().isEmpty());
    clock.set(at("2026-12-31T00:00"));
    List<CaseEvent.DeadlineAlerted> escalated = wake();
    assertEquals(List.of(AlertLevel.ESCALATED), escalated.stream().map(CaseEvent.DeadlineAlerted::level).toList());
    assertEquals("0983", escalated.get(0).gemeente());
    assertEquals(DeadlineStatus.ESCALATED, deadline("D8").status());
    assertTrue(wake().isEmpty(), "nothing fires twice");

    CaseView view = accepted(CaseCommand.Get::new);
    assertEquals(List.of("DEADLINE_WARNING", "DEADLINE_MISSED", "DEADLINE_ESCALATED"),
        view.history().stream().map(CaseView.HistoryView::type).filter(t -> t.startsWith("DEADLINE")).toList());
  }

  @Test
  void aWmo302InTimeMeetsTheDeadlineAndSilencesIt() {
    tot("12345678", "2027-01-04", null);
    clock.set(at("2026-12-23T11:00"));
    var result = kit.<CaseReply>runCommand(r -> new CaseCommand.ToewijzingBevestigen("12345678", r));
    CaseEvent.DeadlineMet met = CaseEvent.unpacked(result.events()).stream().filter(CaseEvent.DeadlineMet.class::isInstance)
        .map(CaseEvent.DeadlineMet.class::cast).findFirst().orElseThrow();
    assertEquals("D8:12345678", met.deadlineId());
    assertFalse(met.late());
    assertEquals(DeadlineStatus.MET, deadline("D8").status());
    clock.set(at("2027-01-31T00:00"));
    assertTrue(wake().stream().noneMatch(a -> a.code().equals("D8")), "a met deadline raises nothing");
  }

  @Test
  void aLateWmo302StillMeetsAMissedDeadline() {
    tot("12345678", "2027-01-04", null);
    clock.set(at("2026-12-29T08:00"));
    assertEquals(List.of(AlertLevel.MISSED), wake().stream().filter(a -> a.code().equals("D8")).map(CaseEvent.DeadlineAlerted::level).toList());
    var result = kit.<CaseReply>runCommand(r -> new CaseCommand.ToewijzingBevestigen("12345678", r));
    assertTrue(CaseEvent.unpacked(result.events()).stream().anyMatch(e -> e instanceof CaseEvent.DeadlineMet m && m.late()));
    assertEquals(DeadlineStatus.MET, deadline("D8").status());
  }

  @Test
  void aCaseWokenLongAfterTheDueDateIsMissedAndEscalatedWithoutAWarning() {
    tot("12345678", "2027-01-04", null);
    clock.set(at("2027-01-20T12:00"));
    List<CaseEvent.DeadlineAlerted> alerts = wake().stream().filter(a -> a.code().equals("D8")).toList();
    assertEquals(List.of(AlertLevel.MISSED, AlertLevel.ESCALATED), alerts.stream().map(CaseEvent.DeadlineAlerted::level).toList());
    assertEquals(at("2026-12-29T00:00"), alerts.get(0).scheduledFor());
  }

  @Test
  void deadlinesFollowTheirScope() {
    tot("12345678", "2027-01-04", "2027-06-30");
    // D9 for toewijzing 1001: ingang Monday 4 January + 5 werkdagen = Monday 11 January.
    DeadlineView d9 = deadline("D9");
    assertEquals(LocalDate.parse("2027-01-11"), d9.due());
    assertEquals(1001L, d9.toewijzingNummer());
    // D19 (02A02 only): eight weeks before the einddatum.
    assertEquals(LocalDate.parse("2027-05-05"), deadline("D19").due());
    refusedConfirmationFromAnotherAanbieder();
    clock.set(at("2027-01-05T09:00"));
    accepted(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-01-04"), r));
    assertEquals(DeadlineStatus.MET, deadline("D9").status());
    accepted(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-03-01"), RedenBeeindiging.VOLGENS_PLAN, r));
    assertEquals(DeadlineStatus.MET, deadline("D19").status(), "a stop before the einddatum meets the verlenging deadline");
    assertEquals(DeadlineStatus.VERVALLEN, deadline("D8").status(), "the case stopped: nothing is still expected");
  }

  void refusedConfirmationFromAnotherAanbieder() {
    CaseReply reply = kit.<CaseReply>runCommand(r -> new CaseCommand.ToewijzingBevestigen("87654321", r)).reply();
    assertEquals(CaseReply.Refusal.INVALID, assertInstanceOf(CaseReply.Rejected.class, reply).refusal());
  }

  @Test
  void aWithdrawnMeldingLapsesItsDeadlines() {
    melding(Kanaal.GEMEENTE, LocalDate.parse("2026-12-14"));
    assertEquals(LocalDate.parse("2027-01-25"), deadline("D3").due(), "six weeks from the melding");
    accepted(r -> new CaseCommand.Intrekken("verhuisd", r));
    assertEquals(DeadlineStatus.VERVALLEN, deadline("D3").status());
    clock.set(at("2027-03-01T00:00"));
    assertTrue(wake().isEmpty());
  }

  @Test
  void onlyAMeldingThroughAnAanbiederStartsD1() {
    melding(Kanaal.GEMEENTE, LocalDate.parse("2026-12-14"));
    assertTrue(accepted(CaseCommand.Get::new).deadlines().stream().noneMatch(d -> d.code().equals("D1")));
    newCase();
    melding(Kanaal.AANBIEDER, LocalDate.parse("2026-12-14"));
    assertEquals(LocalDate.parse("2026-12-14"), deadline("D1").due(), "the same werkdag");
  }

  @Test
  void aMeldingRegisteredAfterItsDueDateIsMissedAtOnce() {
    clock.set(at("2026-12-16T09:00"));
    var result = kit.<CaseReply>runCommand(r -> new CaseCommand.MeldingMaken("999993653", "0983", "wmo-noord-limburg",
        Kanaal.AANBIEDER, LocalDate.parse("2026-12-14"), null, r));
    assertTrue(CaseEvent.unpacked(result.events()).stream().anyMatch(e -> e instanceof CaseEvent.DeadlineAlerted a
        && a.code().equals("D1") && a.level() == AlertLevel.MISSED));
  }

  @Test
  void deadlinesSurviveARestart() {
    tot("12345678", "2027-01-04", null);
    clock.set(at("2026-12-24T00:00"));
    wake();
    CaseState before = kit.getState();
    assertEquals(before, kit.restart().state());
    clock.set(at("2026-12-29T00:00"));
    assertEquals(List.of(AlertLevel.MISSED), wake().stream().filter(a -> a.code().equals("D8")).map(CaseEvent.DeadlineAlerted::level).toList(),
        "after recovery the warning is not raised again, the miss is");
  }
}
