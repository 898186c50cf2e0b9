package nl.regie.server.cases;

import static nl.regie.server.testing.Verzoekberichten.aangevraagd;
import static nl.regie.server.testing.Verzoekberichten.teWijzigen;
import static nl.regie.server.testing.Verzoekberichten.verzoek;
import static nl.regie.server.testing.Verzoekberichten.vot;
import static nl.regie.server.testing.Verzoekberichten.vow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.api.CaseView.DeadlineView;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;
import nl.regie.protocol.codes.VerzoekAntwoord;
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
 * The deadlines of verzoeken (OP090, OP274, OP346; D13a to D15 of {@link TestRules}) under a clock
 * the test moves: each set by what starts it, met by the answer, missed when it does not come.
 * Monday 14 December 2026 the verzoek comes in.
 */
class CaseVerzoekDeadlinesTest {

  static final ActorTestKit testKit = ActorTestKit.create(
      ConfigFactory.parseResources("serialization.conf").withFallback(EventSourcedBehaviorTestKit.config()).resolve());
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final LocalDate MAANDAG = LocalDate.parse("2026-12-14");
  static final String A = "12345678";
  static final Omvang OMVANG = new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR);

  MutableClock clock;
  EventSourcedBehaviorTestKit<CaseCommand, CaseEvent, CaseState> kit;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void toewijzing() {
    clock = new MutableClock(at("2026-12-14T09:00"));
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), CaseEntity.create("case-vd",
        new CaseSettings(100, 4, Duration.ofMinutes(2), AMSTERDAM), TestRules.regelingen(), clock));
    accepted(r -> new CaseCommand.MeldingMaken("999993653", "0983", "wmo-noord-limburg", Kanaal.GEMEENTE, LocalDate.parse("2026-11-24"), null, r));
    accepted(CaseCommand.ScreeningStarten::new);
    accepted(r -> new CaseCommand.ScreeningAfronden(false, "0983", r));
    accepted(r -> new CaseCommand.OnderzoekAfronden(LocalDate.parse("2026-12-01"), r));
    accepted(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-05"), r));
    accepted(r -> new CaseCommand.Toewijzen(LocalDate.parse("2026-12-10"), List.of(new CaseCommand.Toewijzen.Regel(
        1001, "02A02", A, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), OMVANG)), Map.of(), r));
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant();
  }

  CaseView accepted(Function<ActorRef<CaseReply>, CaseCommand> command) {
    CaseReply reply = kit.<CaseReply>runCommand(command).reply();
    return assertInstanceOf(CaseReply.Accepted.class, reply, () -> "refused: " + reply).view();
  }

  void judged(Function<ActorRef<CaseReply>, CaseCommand> command) {
    CaseReply reply = kit.<CaseReply>runCommand(command).reply();
    assertFalse(assertInstanceOf(CaseReply.KlassenBeoordeeld.class, reply).perKlasse().values().stream().flatMap(List::stream)
        .anyMatch(c -> c.isAfkeur()), reply::toString);
  }

  DeadlineView deadline(String code) {
    return accepted(CaseCommand.Get::new).deadlines().stream().filter(d -> d.code().equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code));
  }

  List<AlertLevel> alertsAt(String moment, String code) {
    clock.set(at(moment));
    return CaseEvent.unpacked(kit.<CaseReply>runCommand(CaseCommand.Wake::new).events()).stream()
        .map(e -> assertInstanceOf(CaseEvent.DeadlineAlerted.class, e))
        .filter(a -> a.code().equals(code)).map(CaseEvent.DeadlineAlerted::level).toList();
  }

  void wijziging() {
    judged(r -> vow(A, "W1", 1, MAANDAG, "999993653", verzoek("W-1", List.of(),
        List.of(teWijzigen(1001, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))), List.of()), false, false, r));
  }

  void beantwoord(String moment, String referentie, VerzoekAntwoord antwoord, RedenAfwijzingVerzoek reden, String identificatie) {
    clock.set(at(moment));
    accepted(r -> new CaseCommand.VerzoekBeantwoorden(referentie, null, antwoord, reden, identificatie, r));
  }

  void honoreer(String moment, String referentie, long nummer) {
    clock.set(at(moment));
    accepted(r -> new CaseCommand.Toewijzen(LocalDate.ofInstant(at(moment), AMSTERDAM), List.of(new CaseCommand.Toewijzen.Regel(
        nummer, "02C02", A, LocalDate.parse("2028-01-01"), LocalDate.parse("2028-06-30"), OMVANG, referentie)), Map.of(), r));
  }

  @Test
  void aVowIsAnsweredInTimeAndEveryDeadlineOfItIsMet() {
    wijziging();
    assertEquals(DeadlineStatus.MET, deadline("D13").status(), "the WMO318 went out with the judgement");
    DeadlineView d14 = deadline("D14");
    assertEquals(LocalDate.parse("2026-12-21"), d14.due(), "5 werkdagen from Monday 14 December");
    assertEquals("backoffice:0983", d14.responsible());
    assertEquals(A, d14.aanbieder());
    assertEquals(DeadlineStatus.OPEN, d14.status());

    beantwoord("2026-12-16T10:00", "W-1", VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null, "R1");
    assertEquals(DeadlineStatus.MET, deadline("D14").status(), "in onderzoek is an answer");
    assertEquals(LocalDate.parse("2027-02-08"), deadline("D14b").due(), "8 weeks from the Dagtekening of the VOW");
    DeadlineView d15 = deadline("D15");
    assertEquals(LocalDate.parse("2026-12-21"), d15.due(), "3 werkdagen from Wednesday 16 December");
    assertEquals("aanbieder:" + A, d15.responsible());

    clock.set(at("2026-12-17T11:00"));
    kit.<CaseReply>runCommand(r -> new CaseCommand.AntwoordRetourOntvangen(A + "/WMO320/X/Header", 7, A, "R1", List.of("0200"), r));
    assertEquals(DeadlineStatus.MET, deadline("D15").status());

    honoreer("2027-01-15T10:00", "W-1", 2001);
    assertEquals(DeadlineStatus.MET, deadline("D14b").status(), "honoured: the verzoek is afgehandeld");
    for (String code : List.of("D13", "D14", "D14b", "D15")) {
      assertTrue(alertsAt("2027-06-01T00:00", code).isEmpty(), code + " raises nothing once met");
    }
  }

  @Test
  void anUnansweredVowIsWarnedAndMissed() {
    wijziging();
    assertTrue(alertsAt("2026-12-16T23:59", "D14").isEmpty());
    assertEquals(List.of(AlertLevel.WARNING), alertsAt("2026-12-17T00:00", "D14"), "two werkdagen before the due date");
    assertTrue(alertsAt("2026-12-21T23:59", "D14").isEmpty(), "still in time on its due date");
    assertEquals(List.of(AlertLevel.MISSED), alertsAt("2026-12-22T00:00", "D14"));
    assertEquals(DeadlineStatus.MISSED, deadline("D14").status());
  }

  @Test
  void aWmo319WithoutItsWmo320AndAnOnderzoekWithoutAnEndAreMissed() {
    wijziging();
    beantwoord("2026-12-16T10:00", "W-1", VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null, "R1");
    assertEquals(List.of(AlertLevel.MISSED), alertsAt("2026-12-22T00:00", "D15"));
    assertEquals(List.of(AlertLevel.MISSED), alertsAt("2027-02-09T00:00", "D14b"));
    assertEquals(DeadlineStatus.MISSED, deadline("D14b").status());
    assertEquals(DeadlineStatus.MET, deadline("D14").status());
  }

  @Test
  void aVotIsAnsweredWhenEveryProductHasAnAnswer() {
    judged(r -> vot(A, "T1", 1, MAANDAG, List.of(), false, r,
        aangevraagd("T-1", "02C02", LocalDate.parse("2028-01-01"), LocalDate.parse("2028-06-30")),
        aangevraagd("T-2", "01B04", LocalDate.parse("2027-02-01"), LocalDate.parse("2027-12-31"))));
    assertEquals(DeadlineStatus.MET, deadline("D13a").status());
    assertEquals(LocalDate.parse("2026-12-21"), deadline("D14a").due());

    beantwoord("2026-12-15T10:00", "T-2", VerzoekAntwoord.VERZOEK_AFGEWEZEN, RedenAfwijzingVerzoek.GEEN_CONTRACT, "R1");
    assertEquals(DeadlineStatus.OPEN, deadline("D14a").status(), "T-1 has no answer yet (OP274: per aangevraagd product)");
    honoreer("2026-12-18T10:00", "T-1", 2001);
    assertEquals(DeadlineStatus.MET, deadline("D14a").status());
    assertTrue(accepted(CaseCommand.Get::new).deadlines().stream().noneMatch(d -> d.code().equals("D14b")), "nothing went in onderzoek");
  }

  @Test
  void anOnderzoekEndsWhenTheLastProductIsHonouredOrRejected() {
    judged(r -> vot(A, "T1", 1, MAANDAG, List.of(), false, r,
        aangevraagd("T-1", "02C02", LocalDate.parse("2028-01-01"), LocalDate.parse("2028-06-30")),
        aangevraagd("T-2", "01B04", LocalDate.parse("2027-02-01"), LocalDate.parse("2027-12-31"))));
    beantwoord("2026-12-15T10:00", "T-1", VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null, "R1");
    beantwoord("2026-12-15T11:00", "T-2", VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null, "R2");
    assertEquals(DeadlineStatus.MET, deadline("D14a").status());
    honoreer("2027-01-11T10:00", "T-1", 2001);
    assertEquals(DeadlineStatus.OPEN, deadline("D14b").status(), "T-2 is still in onderzoek");
    beantwoord("2027-01-12T10:00", "T-2", VerzoekAntwoord.VERZOEK_AFGEWEZEN, RedenAfwijzingVerzoek.BUDGET, "R3");
    assertEquals(DeadlineStatus.MET, deadline("D14b").status());
  }
}
