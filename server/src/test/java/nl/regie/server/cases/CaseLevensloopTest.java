package nl.regie.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.regie.protocol.cases.Adres;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Naam;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.cases.Partij;
import nl.regie.protocol.cases.Stap;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.xml.IwmoSchemas;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.server.testing.MutableClock;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The case life after the beschikking that the seeds describe, under a clock the test moves and the
 * shipped rulebooks: the gemeente ends, shortens, extends or removes a toewijzing (each with the
 * WMO301 the standard prescribes), a wisseling van aanbieder, an overlijden with its nazorg, a
 * verhuizing, and toewijzingen that end by themselves so that the case stops.
 */
class CaseLevensloopTest {

  static final ActorTestKit testKit = ActorTestKit.create(
      ConfigFactory.parseResources("serialization.conf").withFallback(EventSourcedBehaviorTestKit.config()).resolve());
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final LocalDate TODAY = LocalDate.parse("2027-03-01");
  static final LocalDate INGANG = LocalDate.parse("2027-03-08");
  static final LocalDate EINDE = LocalDate.parse("2027-09-30");
  static final Omvang OMVANG = new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR);
  static final Client CLIENT = new Client(new Naam("Jansen", null, "P", "Piet"), LocalDate.parse("1960-03-01"), Geslacht.MANNELIJK,
      new Adres("Markt", 1, null, null, "5911AB", "Venlo"));
  static final String AANBIEDER = "12345678";
  static final String ANDERE = "87654321";

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** A case of {@code regeling} at gemeente 0983 with toewijzing 1 of {@code product} to AANBIEDER, care started or not. */
  static final class Zaak {
    final MutableClock clock = new MutableClock(TODAY.atTime(9, 0).atZone(AMSTERDAM).toInstant());
    final EventSourcedBehaviorTestKit<CaseCommand, CaseEvent, CaseState> kit;

    Zaak(String regeling, String product, boolean zorgGestart) {
      kit = EventSourcedBehaviorTestKit.create(testKit.system(), CaseEntity.create("case-levensloop",
          new CaseSettings(1000, 4, Duration.ofMinutes(2), AMSTERDAM), Regelingen.shipped(), clock));
      accepted(r -> new CaseCommand.MeldingMaken("999993653", "0983", regeling, Kanaal.GEMEENTE, TODAY, CLIENT, r));
      accepted(CaseCommand.ScreeningStarten::new);
      accepted(r -> new CaseCommand.ScreeningAfronden(false, "0983", r));
      accepted(r -> new CaseCommand.OnderzoekAfronden(TODAY, r));
      accepted(r -> new CaseCommand.AanvraagRegistreren(TODAY, r));
      accepted(r -> new CaseCommand.Toewijzen(TODAY, List.of(new CaseCommand.Toewijzen.Regel(1, product, AANBIEDER, INGANG, EINDE,
          omvang(product))), Map.of(AANBIEDER, "T1"), r));
      if (zorgGestart) {
        clock.set(INGANG.atTime(9, 0).atZone(AMSTERDAM).toInstant());
        accepted(r -> new CaseCommand.ZorgStarten(1, INGANG, r));
      }
    }

    /** An omvang within the product's band (Thuis Plus 1-3 uur per week; 021A1 0,4-4,2 uur per 4 weken). */
    static Omvang omvang(String product) {
      if (product.startsWith("15A")) return new Omvang(2, Eenheid.UUR, Frequentie.PER_WEEK);
      if (product.startsWith("021")) return new Omvang(30, Eenheid.MINUUT, Frequentie.PER_WEEK);
      return OMVANG;
    }

    List<CaseEvent> accepted(Function<ActorRef<CaseReply>, CaseCommand> command) {
      var result = kit.<CaseReply>runCommand(command);
      assertInstanceOf(CaseReply.Accepted.class, result.reply(), () -> "refused: " + result.reply());
      return CaseEvent.unpacked(result.events());
    }

    CaseReply.Rejected refused(Function<ActorRef<CaseReply>, CaseCommand> command) {
      var result = kit.<CaseReply>runCommand(command);
      assertTrue(CaseEvent.unpacked(result.events()).isEmpty(), "a refusal changes nothing");
      return assertInstanceOf(CaseReply.Rejected.class, result.reply());
    }

    List<CaseEvent> wakeOn(LocalDate day) {
      clock.set(day.atStartOfDay(AMSTERDAM).toInstant());
      return CaseEvent.unpacked(kit.<CaseReply>runCommand(CaseCommand.Wake::new).events());
    }

    CaseState state() {
      return kit.getState();
    }

    Deadline deadline(String code) {
      return state().deadlines().stream().filter(d -> d.code().equals(code)).reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError(code + " was not set"));
    }
  }

  /** The WMO301 among {@code events} to {@code aanbieder}, valid against the iWmo 3.2 schema. */
  static Wmo301 wmo301(List<CaseEvent> events, String aanbieder) {
    CaseEvent.BerichtVerstuurd sent = events.stream().filter(CaseEvent.BerichtVerstuurd.class::isInstance)
        .map(CaseEvent.BerichtVerstuurd.class::cast).filter(b -> b.ontvanger().equals(aanbieder)).findFirst()
        .orElseThrow(() -> new AssertionError("no WMO301 to " + aanbieder + " in " + events));
    byte[] xml = sent.xml().getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), IwmoSchemas.validate(Berichtsoort.WMO301, xml));
    return IwmoXml.parse(xml, Wmo301.class);
  }

  static Wmo301.ToegewezenProduct product(Wmo301 wmo301, long nummer) {
    return wmo301.client().toegewezenProducten().stream().filter(p -> p.toewijzingNummer() == nummer).findFirst()
        .orElseThrow(() -> new AssertionError("toewijzing " + nummer + " not in the WMO301"));
  }

  @Nested
  class ToewijzingWijzigen {

    @Test
    void shorteningSendsA301WithTheNewEinddatumAndItsRedenAndCountsD11Again() {
      Zaak zaak = new Zaak("wmo-noord-limburg", "02A02", true);
      zaak.accepted(r -> new CaseCommand.ToewijzingBevestigen(AANBIEDER, r));
      LocalDate korter = LocalDate.parse("2027-05-31");
      List<CaseEvent> events = zaak.accepted(r -> new CaseCommand.ToewijzingWijzigen(1, korter, RedenWijziging.VERKORTING, "T2", r));

      Wmo301.ToegewezenProduct changed = product(wmo301(events, AANBIEDER), 1);
      assertEquals(korter, changed.einddatum());
      assertEquals(RedenWijziging.VERKORTING, changed.redenWijziging());
      // IV013: a change is fixed anew, on the day of the change.
      assertEquals(INGANG, changed.toewijzingsdatum());
      assertEquals(korter, zaak.state().toewijzing(1).orElseThrow().einddatum());
      // What counted from the old einddatum lapsed; the WMO307 after the early end is D11b.
      assertEquals(DeadlineStatus.VERVALLEN, zaak.state().deadlines().stream().filter(d -> d.code().equals("D11")).findFirst()
          .orElseThrow().status());
      assertEquals(DeadlineStatus.OPEN, zaak.deadline("D11b").status());
      assertEquals(DeadlineStatus.OPEN, zaak.deadline("D8").status(), "the aanbieder confirms the changed toewijzing too");
    }

    @Test
    void aVerlengingMovesTheEinddatumLaterAndCountsD19FromIt() {
      Zaak zaak = new Zaak("wmo-noord-limburg", "02A02", true);
      LocalDate langer = EINDE.plusMonths(6);
      List<CaseEvent> events = zaak.accepted(r -> new CaseCommand.ToewijzingWijzigen(1, langer, RedenWijziging.VERLENGING, "T2", r));
      assertEquals(RedenWijziging.VERLENGING, product(wmo301(events, AANBIEDER), 1).redenWijziging());
      assertEquals(langer.minusWeeks(8), zaak.deadline("D19").due());
    }

    @Test
    void refusals() {
      Zaak zaak = new Zaak("wmo-noord-limburg", "02A02", true);
      assertTrue(zaak.refused(r -> new CaseCommand.ToewijzingWijzigen(1, INGANG, RedenWijziging.VERWIJDERD, "T2", r)).detail()
          .contains("started"));
      assertTrue(zaak.refused(r -> new CaseCommand.ToewijzingWijzigen(1, INGANG.minusDays(1), RedenWijziging.VERKORTING, "T2", r))
          .detail().contains("before"));
      assertTrue(zaak.refused(r -> new CaseCommand.ToewijzingWijzigen(1, EINDE.minusDays(1), RedenWijziging.VERLENGING, "T2", r))
          .detail().contains("04"));
      assertTrue(zaak.refused(r -> new CaseCommand.ToewijzingWijzigen(1, EINDE, RedenWijziging.VERKORTING, "T2", r)).detail()
          .contains("already"));
      assertTrue(zaak.refused(r -> new CaseCommand.ToewijzingWijzigen(1, EINDE.minusDays(1),
          RedenWijziging.ADMINISTRATIEVE_CORRECTIE_VERVALLEN, "T2", r)).detail().contains("CS336"));
      zaak.refused(r -> new CaseCommand.ToewijzingWijzigen(9, EINDE.minusDays(1), RedenWijziging.VERKORTING, "T2", r));
    }

    @Test
    void aToewijzingRemovedBeforeCareLeavesTheNext301AndStopsTheCase() {
      Zaak zaak = new Zaak("wmo-noord-limburg", "02A02", false);
      List<CaseEvent> events = zaak.accepted(r -> new CaseCommand.ToewijzingWijzigen(1, INGANG, RedenWijziging.VERWIJDERD, "T2", r));
      Wmo301.ToegewezenProduct removed = product(wmo301(events, AANBIEDER), 1);
      assertEquals(INGANG, removed.einddatum());
      assertEquals(RedenWijziging.VERWIJDERD, removed.redenWijziging());
      assertEquals(Fase.STOP, zaak.state().fase(), "its only toewijzing is as if never sent");
      assertEquals(DeadlineStatus.VERVALLEN, zaak.deadline("D9").status());
    }
  }

  @Nested
  class Afloop {

    @Test
    void withoutA307AtThePlannedEndCareEndsWithTheToewijzingAndTheCaseStops() {
      Zaak zaak = new Zaak("wmo-begeleiding", "021A1", true);
      assertTrue(zaak.wakeOn(EINDE).stream().noneMatch(CaseEvent.ToewijzingAfgelopen.class::isInstance), "valid through its einddatum");
      List<CaseEvent> events = zaak.wakeOn(EINDE.plusDays(1));
      CaseEvent.ToewijzingAfgelopen afgelopen = events.stream().filter(CaseEvent.ToewijzingAfgelopen.class::isInstance)
          .map(CaseEvent.ToewijzingAfgelopen.class::cast).findFirst().orElseThrow();
      assertTrue(afgelopen.leveringGesloten());
      Toewijzing t = zaak.state().toewijzing(1).orElseThrow();
      assertEquals(EINDE, t.stopdatum());
      assertEquals(RedenBeeindiging.VOLGENS_PLAN, t.redenBeeindiging());
      assertEquals(Fase.STOP, zaak.state().fase());
      assertTrue(zaak.state().aanZet().isEmpty());
      assertTrue(zaak.wakeOn(EINDE.plusDays(2)).isEmpty(), "it ends once");
    }

    @Test
    void whereA307IsExpectedTheCaseStopsWhenItComes() {
      Zaak zaak = new Zaak("wmo-noord-limburg", "02A02", true);
      zaak.wakeOn(EINDE.plusDays(1));
      assertTrue(zaak.state().toewijzing(1).orElseThrow().afgelopen());
      assertEquals(Fase.ZORG, zaak.state().fase(), "care runs until its WMO307");
      assertEquals(DeadlineStatus.OPEN, zaak.deadline("D11").status(), "the wait for the WMO307 stays");
      zaak.accepted(r -> new CaseCommand.ZorgStoppen(1, EINDE, RedenBeeindiging.VOLGENS_PLAN, r));
      assertEquals(Fase.STOP, zaak.state().fase());
      assertEquals(DeadlineStatus.MET, zaak.deadline("D11").status());
    }

    @Test
    void careThatNeverStartedEndsWithTheToewijzingAndItsDeadlinesLapse() {
      Zaak zaak = new Zaak("wmo-noord-limburg", "02A02", false);
      zaak.wakeOn(EINDE.plusDays(1));
      assertEquals(Fase.STOP, zaak.state().fase());
      assertTrue(zaak.state().deadlines().stream().noneMatch(d -> d.status().isLopend()), zaak.state().deadlines()::toString);
    }
  }

  /** OP087: a toewijzing made in this 301 is in it, also one whose period has passed (terugwerkende kracht). */
  @Test
  void aToewijzingWhosePeriodHasPassedIsInItsOwn301() {
    Zaak zaak = new Zaak("wmo-noord-limburg", "02A02", false);
    zaak.clock.set(EINDE.plusDays(10).atTime(9, 0).atZone(AMSTERDAM).toInstant());
    List<CaseEvent> events = zaak.accepted(r -> new CaseCommand.Toewijzen(EINDE.plusDays(10), List.of(new CaseCommand.Toewijzen.Regel(2,
        "01B04", AANBIEDER, INGANG, INGANG.plusMonths(1), OMVANG)), Map.of(AANBIEDER, "T2"), r));
    assertEquals(List.of(2L), wmo301(events, AANBIEDER).client().toegewezenProducten().stream()
        .map(Wmo301.ToegewezenProduct::toewijzingNummer).toList(), "the one made now, not the one that ran out before");
    assertEquals(Fase.STOP, zaak.state().fase(), "both have ended");
  }

  @Nested
  class Wisseling {

    @Test
    void theOldToewijzingEndsTheDayBeforeAndTheNewAanbiederGetsTheRestWithoutGapOrOverlap() {
      Zaak zaak = new Zaak("bw-groningen", "15A76", true);
      LocalDate per = LocalDate.parse("2027-05-01");
      List<CaseEvent> events = zaak.accepted(r -> new CaseCommand.AanbiederWisselen(1, ANDERE, per, 2,
          Map.of(AANBIEDER, "T2", ANDERE, "T3"), r));
      Wmo301.ToegewezenProduct oud = product(wmo301(events, AANBIEDER), 1);
      assertEquals(per.minusDays(1), oud.einddatum());
      assertEquals(RedenWijziging.ANDERE_AANBIEDER, oud.redenWijziging());
      Wmo301.ToegewezenProduct nieuw = product(wmo301(events, ANDERE), 2);
      assertEquals(per, nieuw.ingangsdatum());
      assertEquals(EINDE, nieuw.einddatum());
      assertNull(nieuw.redenWijziging());
      assertEquals("15A76", zaak.state().toewijzing(2).orElseThrow().product());
      assertTrue(zaak.state().deadlines().stream().anyMatch(d -> d.code().equals("D8") && d.key().equals(ANDERE)));
    }

    @Test
    void refusals() {
      Zaak zaak = new Zaak("bw-groningen", "15A76", true);
      zaak.refused(r -> new CaseCommand.AanbiederWisselen(1, AANBIEDER, INGANG.plusDays(5), 2, Map.of(), r));
      zaak.refused(r -> new CaseCommand.AanbiederWisselen(1, ANDERE, INGANG, 2, Map.of(), r));
      zaak.refused(r -> new CaseCommand.AanbiederWisselen(1, ANDERE, EINDE.plusDays(1), 2, Map.of(), r));
    }
  }

  @Nested
  class Overlijden {

    @Test
    void everyToewijzingEndsOnTheDateOfDeathAndOnlyNazorgMayFollow() {
      Zaak zaak = new Zaak("bw-groningen", "15A76", true);
      LocalDate dood = LocalDate.parse("2027-04-10");
      zaak.clock.set(dood.plusDays(3).atTime(9, 0).atZone(AMSTERDAM).toInstant());
      List<CaseEvent> events = zaak.accepted(r -> new CaseCommand.Overlijden(dood, Map.of(AANBIEDER, "T2"), r));
      Wmo301.ToegewezenProduct ended = product(wmo301(events, AANBIEDER), 1);
      assertEquals(dood, ended.einddatum());
      assertEquals(RedenWijziging.CLIENT_OVERLEDEN, ended.redenWijziging());
      assertTrue(zaak.state().toewijzing(1).orElseThrow().afgelopen(), "its einddatum has passed already");
      assertEquals(Fase.ZORG, zaak.state().fase(), "the care that ran waits for its WMO307 (004, IV024)");
      zaak.accepted(r -> new CaseCommand.ZorgStoppen(1, dood, RedenBeeindiging.OVERLIJDEN, r));
      assertEquals(Fase.STOP, zaak.state().fase());

      // 004 §5.8: Thuis Plus may be assigned for up to 13 days after the death, nothing else.
      assertTrue(zaak.refused(r -> new CaseCommand.Toewijzen(dood.plusDays(3), List.of(new CaseCommand.Toewijzen.Regel(3, "15A76",
          AANBIEDER, dood.plusDays(1), dood.plusDays(20), Zaak.omvang("15A76"))), Map.of(AANBIEDER, "T3"), r)).errors().toString()
          .contains("nazorg"));
      zaak.accepted(r -> new CaseCommand.Toewijzen(dood.plusDays(3), List.of(new CaseCommand.Toewijzen.Regel(3, "15A76", AANBIEDER,
          dood.plusDays(1), dood.plusDays(13), Zaak.omvang("15A76"))), Map.of(AANBIEDER, "T3"), r));
      assertEquals(Fase.TOEWIJZING, zaak.state().fase());
      zaak.refused(r -> new CaseCommand.Overlijden(dood, Map.of(), r));
    }

    @Test
    void beforeABeschikkingTheCaseEnds() {
      MutableClock clock = new MutableClock(TODAY.atTime(9, 0).atZone(AMSTERDAM).toInstant());
      var kit = EventSourcedBehaviorTestKit.<CaseCommand, CaseEvent, CaseState>create(testKit.system(), CaseEntity.create("case-dood",
          new CaseSettings(1000, 4, Duration.ofMinutes(2), AMSTERDAM), Regelingen.shipped(), clock));
      kit.<CaseReply>runCommand(r -> new CaseCommand.MeldingMaken("999993653", "0983", "wmo-begeleiding", Kanaal.GEMEENTE, TODAY, CLIENT, r));
      assertInstanceOf(CaseReply.Accepted.class, kit.<CaseReply>runCommand(r -> new CaseCommand.Overlijden(TODAY, Map.of(), r)).reply());
      assertEquals(Fase.INGETROKKEN, kit.getState().fase());
      assertTrue(kit.getState().deadlines().stream().noneMatch(d -> d.status().isLopend()));
    }
  }

  @Nested
  class Verhuizing {

    @Test
    void theOntvangendeGemeenteReactsTakesOverAndAssignsFromTheVerhuisdatum() {
      Zaak zaak = new Zaak("bw-groningen", "15A76", true);
      LocalDate verhuisdatum = LocalDate.parse("2027-06-01");
      zaak.accepted(r -> new CaseCommand.VerhuizingMelden("0014", verhuisdatum, r));
      assertEquals("toegang:0014", zaak.deadline("D23").responsible(), "the ontvangende gemeente must react");
      zaak.accepted(r -> new CaseCommand.StapZetten(Stap.VERHUIZING_BEANTWOORD, INGANG, null, null, null, r));
      assertEquals(DeadlineStatus.MET, zaak.deadline("D23").status());

      List<CaseEvent> events = zaak.accepted(r -> new CaseCommand.VerhuizingOverdragen(Map.of(AANBIEDER, "T2"), r));
      Wmo301 laatste = wmo301(events, AANBIEDER);
      assertEquals("0983", laatste.header().afzender(), "the latende gemeente ends its own toewijzingen");
      assertEquals(verhuisdatum.minusDays(1), product(laatste, 1).einddatum());
      assertEquals(RedenWijziging.VERHUIZING, product(laatste, 1).redenWijziging());
      assertEquals(DeadlineStatus.MET, zaak.deadline("D23b").status());
      assertEquals("0014", zaak.state().gemeente());
      assertEquals(Partij.BACKOFFICE, zaak.state().aanZet().orElseThrow(), "the ontvangende backoffice decides");

      List<CaseEvent> nieuw = zaak.accepted(r -> new CaseCommand.Toewijzen(INGANG, List.of(new CaseCommand.Toewijzen.Regel(2, "15A76",
          AANBIEDER, verhuisdatum, EINDE, Zaak.omvang("15A76"))), Map.of(AANBIEDER, "T3"), r));
      Wmo301 ontvangende = wmo301(nieuw, AANBIEDER);
      assertEquals("0014", ontvangende.header().afzender());
      assertEquals(List.of(2L), ontvangende.client().toegewezenProducten().stream().map(Wmo301.ToegewezenProduct::toewijzingNummer).toList(),
          "a gemeente's WMO301 holds its own toewijzingen only");
      assertEquals(List.of(new CaseState.Verhuizing("0983", "0014", verhuisdatum, true)), zaak.state().verhuizingen(),
          "both gemeenten stay in the case's story");
    }
  }

  @Nested
  class Stappen {

    @Test
    void aCalamiteitIsReportedWithinThreeWerkdagen() {
      Zaak zaak = new Zaak("bw-groningen", "15A76", true);
      zaak.accepted(r -> new CaseCommand.StapZetten(Stap.CALAMITEIT_VOORGEVALLEN, INGANG, AANBIEDER, null, "val met letsel", r));
      assertEquals(DeadlineStatus.OPEN, zaak.deadline("D26").status());
      // The event leaves what the deadline asks to the rulebook; the view reads it there.
      assertNull(zaak.deadline("D26").omschrijving());
      assertEquals(Regelingen.shipped().find("bw-groningen").orElseThrow().deadlineRule("D26").orElseThrow().omschrijving(),
          CaseViews.of(zaak.state(), Regelingen.shipped()).deadlines().stream().filter(d -> d.code().equals("D26")).findFirst()
              .orElseThrow().omschrijving());
      zaak.accepted(r -> new CaseCommand.StapZetten(Stap.CALAMITEIT_GEMELD, INGANG, AANBIEDER, null, null, r));
      assertEquals(DeadlineStatus.MET, zaak.deadline("D26").status());
    }

    @Test
    void refusals() {
      Zaak zaak = new Zaak("bw-groningen", "15A76", true);
      zaak.refused(r -> new CaseCommand.StapZetten(Stap.CALAMITEIT_VOORGEVALLEN, INGANG.plusDays(1), AANBIEDER, null, null, r));
      zaak.refused(r -> new CaseCommand.StapZetten(Stap.CALAMITEIT_VOORGEVALLEN, INGANG, ANDERE, null, null, r));
      zaak.refused(r -> new CaseCommand.StapZetten(Stap.PLAN_VAN_AANPAK_ONTVANGEN, INGANG, null, null, null, r));
      zaak.refused(r -> new CaseCommand.StapZetten(Stap.VERHUIZING_BEANTWOORD, INGANG, null, null, null, r));
    }
  }
}
