package nl.regie.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.api.CaseView.DeadlineView;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.regeling.Product;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.regeling.DeadlineRule;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.cases.Stap;
import nl.regie.server.testing.MutableClock;
import nl.regie.server.testing.Verzoekberichten;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deadline rule of every shipped rulebook, under a clock the test moves: a case is driven to
 * the rule's start event and the deadline is set with the due date the rule gives; then either the
 * event that meets it comes in time and nothing is ever raised, or it never comes and the warning,
 * miss and escalation are raised, once each, at the moments the rule gives.
 */
class ShippedRulesTest {

  static final ActorTestKit testKit = ActorTestKit.create(
      ConfigFactory.parseResources("serialization.conf").withFallback(EventSourcedBehaviorTestKit.config()).resolve());
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final Regelingen SHIPPED = Regelingen.shipped();
  static final LocalDate TODAY = LocalDate.parse("2027-03-01");
  static final LocalDate INGANG = TODAY.plusDays(7);
  static final LocalDate EINDE = INGANG.plusMonths(6);
  /** The einddatum the gemeente gives the toewijzing when it ends it early. */
  static final LocalDate BEEINDIGD = INGANG.plusMonths(2);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  static Stream<Arguments> rules() {
    return SHIPPED.all().stream().sorted(Comparator.comparing(Regeling::id)).flatMap(r -> r.deadlineRules().stream()
        .map(rule -> Arguments.of(Named.of(r.id(), r), Named.of(rule.code(), rule))));
  }

  /**
   * The rules that can be missed: not those met by what happens in the step that starts them (the
   * retour on a verzoek, which Regie sends as it accepts it).
   */
  static Stream<Arguments> rulesThatCanBeMissed() {
    return rules().filter(a -> !metAtOnce((DeadlineRule) ((Named<?>) a.get()[1]).getPayload()));
  }

  static boolean metAtOnce(DeadlineRule rule) {
    return rule.voldaan().stream().anyMatch(g -> g == Gebeurtenis.WMO306_VERSTUURD || g == Gebeurtenis.WMO308_VERSTUURD
        || g == Gebeurtenis.WMO316_VERSTUURD || g == Gebeurtenis.WMO318_VERSTUURD);
  }

  /** The steps of a case's life, in order; each is where some events happen. */
  enum Step { MELDING, SCREENING_STARTEN, SCREENING_AFRONDEN, AANBIEDER_KIEZEN, MATCHINGSFORMAT, MATCHINGSGESPREK,
    PLAN_GEVRAAGD, PLAN_ONTVANGEN, ONDERZOEK_AFRONDEN, AANVRAAG, VERHUIZING_MELDEN, VERHUIZING_BEANTWOORDEN,
    VERHUIZING_OVERDRAGEN, TOEWIJZEN, BEVESTIGEN, VERZOEK, IN_ONDERZOEK, ANTWOORD_RETOUR, HONOREREN, ZORG_STARTEN,
    PLAN_VAN_AANPAK, CALAMITEIT, CALAMITEIT_MELDEN, VERLENGING, DECLAREREN, BEANTWOORDEN, ONDERBREKEN, HERSTARTEN,
    BEEINDIGEN, ZORG_STOPPEN, START_GEMELD, STOP_GEMELD;

    /** The steps of an aanbieder's verzoek and its answers, taken only for the rules about them. */
    boolean isVerzoek() {
      return ordinal() >= VERZOEK.ordinal() && ordinal() <= HONOREREN.ordinal();
    }

    /** The steps of the werkwijze that only the rules about them take: each is taken only as a target. */
    boolean isStap() {
      return EnumSet.of(AANBIEDER_KIEZEN, MATCHINGSFORMAT, MATCHINGSGESPREK, PLAN_GEVRAAGD, PLAN_ONTVANGEN, VERHUIZING_MELDEN,
          VERHUIZING_BEANTWOORDEN, VERHUIZING_OVERDRAGEN, PLAN_VAN_AANPAK, CALAMITEIT, CALAMITEIT_MELDEN, VERLENGING, BEEINDIGEN)
          .contains(this);
    }
  }

  static Step stepOf(Gebeurtenis g, boolean afterInterruption) {
    return switch (g) {
      case MELDING -> Step.MELDING;
      case SCREENING_GESTART -> Step.SCREENING_STARTEN;
      case SCREENING_AFGEROND -> Step.SCREENING_AFRONDEN;
      case VERSLAG_VERSTUURD -> Step.ONDERZOEK_AFRONDEN;
      case AANVRAAG_ONTVANGEN -> Step.AANVRAAG;
      case BESCHIKT, WMO301_VERSTUURD, TOEWIJZING_INGANG, TOEWIJZING_EINDE -> Step.TOEWIJZEN;
      case WMO302_ONTVANGEN -> Step.BEVESTIGEN;
      case ZORG_GESTART -> afterInterruption ? Step.HERSTARTEN : Step.ZORG_STARTEN;
      case ZORG_ONDERBROKEN -> Step.ONDERBREKEN;
      case ZORG_GESTOPT, CASE_GESTOPT -> Step.ZORG_STOPPEN;
      case WMO315_ONTVANGEN, WMO316_VERSTUURD, WMO317_ONTVANGEN, WMO318_VERSTUURD -> Step.VERZOEK;
      case WMO319_VERSTUURD, VERZOEK_IN_ONDERZOEK, VERZOEK_BEANTWOORD -> Step.IN_ONDERZOEK;
      case WMO320_ONTVANGEN -> Step.ANTWOORD_RETOUR;
      case VERZOEK_AFGEHANDELD -> Step.HONOREREN;
      case WMO305_ONTVANGEN, WMO306_VERSTUURD -> Step.START_GEMELD;
      case WMO307_ONTVANGEN, WMO308_VERSTUURD -> Step.STOP_GEMELD;
      case WMO323_ONTVANGEN -> Step.DECLAREREN;
      case WMO325_VERSTUURD -> Step.BEANTWOORDEN;
      case AANBIEDER_GEKOZEN -> Step.AANBIEDER_KIEZEN;
      case MATCHINGSFORMAT_VERSTUURD -> Step.MATCHINGSFORMAT;
      case MATCHINGSGESPREK_GEHOUDEN -> Step.MATCHINGSGESPREK;
      case ONDERSTEUNINGSPLAN_GEVRAAGD -> Step.PLAN_GEVRAAGD;
      case ONDERSTEUNINGSPLAN_ONTVANGEN -> Step.PLAN_ONTVANGEN;
      case VERHUIZING_GEMELD -> Step.VERHUIZING_MELDEN;
      case VERHUIZING_BEANTWOORD -> Step.VERHUIZING_BEANTWOORDEN;
      case VERHUIZING_OVERGEDRAGEN -> Step.VERHUIZING_OVERDRAGEN;
      case PLAN_VAN_AANPAK_ONTVANGEN -> Step.PLAN_VAN_AANPAK;
      case CALAMITEIT_VOORGEVALLEN -> Step.CALAMITEIT;
      case CALAMITEIT_GEMELD -> Step.CALAMITEIT_MELDEN;
      case VERLENGING_AANGEVRAAGD -> Step.VERLENGING;
      case TOEWIJZING_BEEINDIGD -> Step.BEEINDIGEN;
      case TOEWIJZING_AFGELOPEN, OVERLEDEN, INGETROKKEN, AFGEWEZEN -> throw new IllegalArgumentException(g + " starts and meets nothing here");
    };
  }

  /** The date a deadline started by {@code g} counts from, on this test's path. */
  static LocalDate countsFrom(Gebeurtenis g) {
    return switch (g) {
      case TOEWIJZING_INGANG, ZORG_GESTART -> INGANG;
      case TOEWIJZING_EINDE -> EINDE;
      case TOEWIJZING_BEEINDIGD -> BEEINDIGD;
      case ZORG_ONDERBROKEN -> INGANG.plusDays(14);
      case ZORG_GESTOPT, CASE_GESTOPT -> INGANG.plusMonths(1);
      default -> TODAY;
    };
  }

  /** One case driven along the steps. */
  static final class Driver {
    final Regeling regeling;
    final DeadlineRule rule;
    final MutableClock clock = new MutableClock(TODAY.atTime(9, 0).atZone(AMSTERDAM).toInstant());
    final EventSourcedBehaviorTestKit<CaseCommand, CaseEvent, CaseState> kit;
    final boolean interrupted;
    final boolean verzoek;
    final boolean toewijzingVerzoek;
    /** Whether the rule waits for the WMO307 of care that runs when the toewijzing ends: care must have started. */
    final boolean careRuns;
    final String aanbieder = "12345678";
    Step done;
    boolean started;

    Driver(Regeling regeling, DeadlineRule rule) {
      this.regeling = regeling;
      this.rule = rule;
      this.interrupted = rule.start() == Gebeurtenis.ZORG_ONDERBROKEN;
      this.verzoek = stepOf(rule.start(), false).isVerzoek();
      // A verzoek om toewijzing for the rules about one, else a verzoek om wijziging (both are answered alike).
      this.toewijzingVerzoek = rule.start() == Gebeurtenis.WMO315_ONTVANGEN || rule.start() == Gebeurtenis.WMO316_VERSTUURD;
      this.careRuns = rule.voldaan().contains(Gebeurtenis.ZORG_GESTOPT)
          && (rule.start() == Gebeurtenis.TOEWIJZING_EINDE || rule.start() == Gebeurtenis.TOEWIJZING_BEEINDIGD);
      this.kit = EventSourcedBehaviorTestKit.create(testKit.system(), CaseEntity.create("case-" + rule.code(),
          new CaseSettings(1000, 4, Duration.ofMinutes(2), AMSTERDAM), Regelingen.of(regeling), clock));
    }

    void runTo(Step target) {
      for (Step step : Step.values()) {
        if (done != null && step.ordinal() <= done.ordinal()) continue;
        if (step.ordinal() > target.ordinal()) break;
        if ((step == Step.ONDERBREKEN && !interrupted) || (step == Step.HERSTARTEN && target != Step.HERSTARTEN)) continue;
        if (step == Step.BEVESTIGEN && target != Step.BEVESTIGEN) continue;
        if (step.isVerzoek() && !verzoek) continue;
        if (step == Step.DECLAREREN && target != Step.DECLAREREN && target != Step.BEANTWOORDEN) continue;
        if (step == Step.BEANTWOORDEN && target != Step.BEANTWOORDEN) continue;
        if ((step == Step.START_GEMELD || step == Step.STOP_GEMELD) && target != step) continue;
        if (step.isStap() && target != step) continue;
        perform(step);
        done = step;
        if (step == Step.TOEWIJZEN && careRuns && target == Step.TOEWIJZEN) perform(Step.ZORG_STARTEN);
      }
    }

    private void perform(Step step) {
      switch (step) {
        case MELDING -> accepted(r -> new CaseCommand.MeldingMaken("999993653", "0014", regeling.id(),
            rule.kanalen().stream().findFirst().orElse(Kanaal.GEMEENTE), TODAY, null, r));
        case SCREENING_STARTEN -> accepted(CaseCommand.ScreeningStarten::new);
        case SCREENING_AFRONDEN -> accepted(r -> new CaseCommand.ScreeningAfronden(false, "0014", r));
        case ONDERZOEK_AFRONDEN -> accepted(r -> new CaseCommand.OnderzoekAfronden(TODAY, r));
        case AANVRAAG -> accepted(r -> new CaseCommand.AanvraagRegistreren(TODAY, r));
        case TOEWIJZEN -> accepted(r -> new CaseCommand.Toewijzen(TODAY, List.of(new CaseCommand.Toewijzen.Regel(
            1, product(), aanbieder, INGANG, EINDE, new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR))), Map.of(), r));
        case BEVESTIGEN -> accepted(r -> new CaseCommand.ToewijzingBevestigen(aanbieder, r));
        case VERZOEK -> judged(toewijzingVerzoek
            ? r -> Verzoekberichten.vot(aanbieder, "V1", 1, TODAY, List.of(), false, r,
                Verzoekberichten.aangevraagd("REF-1", product(), EINDE.plusDays(1), EINDE.plusMonths(6)))
            : r -> Verzoekberichten.vow(aanbieder, "V1", 1, TODAY, "999993653", Verzoekberichten.verzoek("REF-1", List.of(),
                List.of(Verzoekberichten.teWijzigen(1, INGANG, EINDE.plusMonths(3))), List.of()), false, false, r));
        case IN_ONDERZOEK -> accepted(r -> new CaseCommand.VerzoekBeantwoorden("REF-1", null, VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK,
            null, "R1", r));
        case ANTWOORD_RETOUR -> assertInstanceOf(CaseReply.Beoordeeld.class, kit.<CaseReply>runCommand(
            r -> new CaseCommand.AntwoordRetourOntvangen(aanbieder + "/WMO320/R1/Header", 2, aanbieder, "R1", List.of("0200"), r)).reply());
        case HONOREREN -> accepted(r -> new CaseCommand.Toewijzen(TODAY, List.of(new CaseCommand.Toewijzen.Regel(
            2, product(), aanbieder, EINDE.plusDays(1), EINDE.plusMonths(6), new Omvang(1, Eenheid.STUKS_OUTPUT,
            Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR), "REF-1")), Map.of(), r));
        case ZORG_STARTEN -> {
          if (!started) accepted(r -> new CaseCommand.ZorgStarten(1, INGANG, r));
          started = true;
        }
        case AANBIEDER_KIEZEN -> stap(Stap.AANBIEDER_GEKOZEN, aanbieder, null);
        case MATCHINGSFORMAT -> stap(Stap.MATCHINGSFORMAT_VERSTUURD, aanbieder, null);
        case MATCHINGSGESPREK -> stap(Stap.MATCHINGSGESPREK_GEHOUDEN, aanbieder, null);
        case PLAN_GEVRAAGD -> stap(Stap.ONDERSTEUNINGSPLAN_GEVRAAGD, aanbieder, null);
        case PLAN_ONTVANGEN -> stap(Stap.ONDERSTEUNINGSPLAN_ONTVANGEN, aanbieder, null);
        case VERHUIZING_MELDEN -> accepted(r -> new CaseCommand.VerhuizingMelden("0037", EINDE, r));
        case VERHUIZING_BEANTWOORDEN -> stap(Stap.VERHUIZING_BEANTWOORD, null, null);
        case VERHUIZING_OVERDRAGEN -> accepted(r -> new CaseCommand.VerhuizingOverdragen(Map.of(), r));
        case PLAN_VAN_AANPAK -> stap(Stap.PLAN_VAN_AANPAK_ONTVANGEN, null, 1L);
        case CALAMITEIT -> stap(Stap.CALAMITEIT_VOORGEVALLEN, aanbieder, null);
        case CALAMITEIT_MELDEN -> stap(Stap.CALAMITEIT_GEMELD, aanbieder, null);
        case VERLENGING -> stap(Stap.VERLENGING_AANGEVRAAGD, null, 1L);
        case BEEINDIGEN -> accepted(r -> new CaseCommand.ToewijzingWijzigen(1, BEEINDIGD, RedenWijziging.VERKORTING, "W1", r));
        case DECLAREREN -> {
          Prestatie prestatie = new Prestatie("P1", null, 1, product().substring(0, 2), product(), INGANG, INGANG, 1,
              Eenheid.STUKS_OUTPUT, 5000, DebetCredit.DEBET);
          CaseReply reply = kit.<CaseReply>runCommand(r -> new CaseCommand.PrestatieDeclareren(
              aanbieder + "/WMO323/D1/Declaratie/Client[0]/Prestatie[0]", 7, aanbieder, "DN1", "999993653", prestatie, r)).reply();
          assertEquals(List.of(Retourcode.R0200), assertInstanceOf(CaseReply.Beoordeeld.class, reply).retourcodes());
        }
        case BEANTWOORDEN -> accepted(r -> new CaseCommand.DeclaratieBeantwoorden(7, 8, r));
        case ONDERBREKEN -> accepted(r -> new CaseCommand.ZorgStoppen(1, INGANG.plusDays(14), RedenBeeindiging.TIJDELIJK, r));
        case HERSTARTEN -> accepted(r -> new CaseCommand.ZorgStarten(1, INGANG.plusDays(21), r));
        case ZORG_STOPPEN -> accepted(r -> new CaseCommand.ZorgStoppen(1, INGANG.plusMonths(1), RedenBeeindiging.VOLGENS_PLAN, r));
        // The retour answers the bericht whatever its codes, so a rejected klasse starts and meets D10/D12 too.
        case START_GEMELD -> assertInstanceOf(CaseReply.Beoordeeld.class, kit.<CaseReply>runCommand(r -> new CaseCommand.StartMelden(
            aanbieder + "/WMO305/S1/Client/StartProduct", 11, aanbieder, "999993653", 1, product(), INGANG, false, r)).reply());
        case STOP_GEMELD -> assertInstanceOf(CaseReply.Beoordeeld.class, kit.<CaseReply>runCommand(r -> new CaseCommand.StopMelden(
            aanbieder + "/WMO307/S2/Client/StopProduct", 12, aanbieder, "999993653", 1, product(), INGANG, INGANG.plusMonths(1),
            RedenBeeindiging.VOLGENS_PLAN, false, r)).reply());
      }
    }

    void stap(Stap stap, String about, Long toewijzingNummer) {
      accepted(r -> new CaseCommand.StapZetten(stap, LocalDate.ofInstant(clock.instant(), AMSTERDAM), about, toewijzingNummer, null, r));
    }

    String product() {
      return rule.producten().stream().findFirst().orElseGet(() -> regeling.producten().values().stream()
          // A product any gemeente may assign alone, in the omvang this test gives every toewijzing.
          .filter(p -> p.geldigTot() == null && p.gemeenten().isEmpty() && p.alleenMet().isEmpty() && p.band() == null)
          .map(Product::code).sorted().findFirst().orElseThrow());
    }

    CaseView accepted(Function<ActorRef<CaseReply>, CaseCommand> command) {
      CaseReply reply = kit.<CaseReply>runCommand(command).reply();
      return assertInstanceOf(CaseReply.Accepted.class, reply, () -> rule.code() + ": refused " + reply).view();
    }

    /** A verzoek the case takes in: every klasse 0200. */
    void judged(Function<ActorRef<CaseReply>, CaseCommand> command) {
      CaseReply reply = kit.<CaseReply>runCommand(command).reply();
      CaseReply.KlassenBeoordeeld judged = assertInstanceOf(CaseReply.KlassenBeoordeeld.class, reply, () -> rule.code() + ": " + reply);
      assertTrue(judged.perKlasse().values().stream().allMatch(codes -> codes.equals(List.of(Retourcode.R0200))), judged::toString);
    }

    DeadlineView deadline() {
      return accepted(CaseCommand.Get::new).deadlines().stream().filter(d -> d.code().equals(rule.code())).findFirst()
          .orElseThrow(() -> new AssertionError(rule.code() + " was not set"));
    }

    List<AlertLevel> wakeAt(Instant moment) {
      clock.set(moment);
      // Time also ends the toewijzing and voids what waited on it; only the alerts count here.
      return CaseEvent.unpacked(kit.<CaseReply>runCommand(CaseCommand.Wake::new).events()).stream()
          .filter(CaseEvent.DeadlineAlerted.class::isInstance).map(CaseEvent.DeadlineAlerted.class::cast)
          .filter(a -> a.code().equals(rule.code())).map(CaseEvent.DeadlineAlerted::level).toList();
    }
  }

  @ParameterizedTest(name = "{0} {1}: met in time, nothing raised")
  @MethodSource("rules")
  void metInTimeRaisesNothing(Regeling regeling, DeadlineRule rule) {
    Driver case_ = new Driver(regeling, rule);
    case_.runTo(stepOf(rule.start(), false));
    LocalDate due = rule.termijn().einde(countsFrom(rule.start()), regeling.kalender());
    assertEquals(due, case_.deadline().due());
    if (metAtOnce(rule)) {
      assertEquals(DeadlineStatus.MET, case_.deadline().status(), "met by what started it");
      assertTrue(case_.wakeAt(startOf(due.plusYears(2))).isEmpty(), "a met deadline raises nothing");
      return;
    }
    assertEquals(DeadlineStatus.OPEN, case_.deadline().status());

    Step meets = rule.voldaan().stream().map(g -> stepOf(g, case_.interrupted))
        .filter(s -> s.ordinal() > case_.done.ordinal()).min(Comparator.naturalOrder())
        .orElseThrow(() -> new AssertionError(rule.code() + ": nothing after its start meets it"));
    case_.runTo(meets);
    assertEquals(DeadlineStatus.MET, case_.deadline().status());
    assertTrue(case_.wakeAt(startOf(due.plusYears(2))).isEmpty(), "a met deadline raises nothing");
  }

  @ParameterizedTest(name = "{0} {1}: never met, warned, missed and escalated")
  @MethodSource("rulesThatCanBeMissed")
  void neverMetIsWarnedMissedAndEscalated(Regeling regeling, DeadlineRule rule) {
    Driver case_ = new Driver(regeling, rule);
    case_.runTo(stepOf(rule.start(), false));
    LocalDate due = rule.termijn().einde(countsFrom(rule.start()), regeling.kalender());
    assertEquals(due, case_.deadline().due());

    List<AlertLevel> raised = new ArrayList<>();
    if (rule.waarschuwing().isPresent()) {
      Instant warnAt = startOf(rule.waarschuwing().get().einde(due, regeling.kalender()));
      assertTrue(case_.wakeAt(warnAt.minusSeconds(1)).isEmpty(), "no warning before its moment");
      assertEquals(List.of(AlertLevel.WARNING), case_.wakeAt(warnAt));
      raised.add(AlertLevel.WARNING);
    }
    Instant missedAt = startOf(due.plusDays(1));
    assertTrue(case_.wakeAt(missedAt.minusSeconds(1)).isEmpty(), "still in time on its due date");
    assertEquals(List.of(AlertLevel.MISSED), case_.wakeAt(missedAt));
    assertEquals(DeadlineStatus.MISSED, case_.deadline().status());
    if (rule.escalatie().isPresent()) {
      Instant escalateAt = startOf(rule.escalatie().get().einde(due, regeling.kalender()).plusDays(1));
      assertTrue(case_.wakeAt(escalateAt.minusSeconds(1)).isEmpty(), "no escalation before its moment");
      assertEquals(List.of(AlertLevel.ESCALATED), case_.wakeAt(escalateAt));
      assertEquals(DeadlineStatus.ESCALATED, case_.deadline().status());
    }
    assertTrue(case_.wakeAt(missedAt.plus(Duration.ofDays(800))).isEmpty(), "nothing is raised twice");
  }

  static Instant startOf(LocalDate day) {
    return day.atStartOfDay(AMSTERDAM).toInstant();
  }
}
