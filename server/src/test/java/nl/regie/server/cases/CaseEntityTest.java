package nl.regie.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Naam;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.cases.Partij;
import nl.regie.protocol.cases.ToewijzingStatus;
import nl.regie.server.cases.CaseReply.Refusal;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transition and every refusal of the case entity, on rulebooks without deadline rules (the
 * deadlines have their own test, CaseDeadlinesTest). The testkit also round-trips every command,
 * event, reply and state through the configured (Jackson) serializer.
 */
class CaseEntityTest {

  static final ActorTestKit testKit =
      ActorTestKit.create(
          ConfigFactory.parseResources("serialization.conf")
              .withFallback(EventSourcedBehaviorTestKit.config())
              .resolve());

  static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
  static final Regelingen REGELINGEN = TestRules.withoutDeadlines();
  static final LocalDate MELDING_OP = LocalDate.parse("2026-11-24");
  static final Omvang OMVANG = new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR);
  static final Client CLIENT =
      new Client(new Naam("Jansen", null, "P", "Piet"), LocalDate.parse("1960-03-01"), Geslacht.MANNELIJK, null);

  EventSourcedBehaviorTestKit<CaseCommand, CaseEvent, CaseState> kit;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void newCase() {
    kit = kit(new CaseSettings(100, 4, Duration.ofMinutes(2), ZoneId.of("Europe/Amsterdam")));
  }

  static EventSourcedBehaviorTestKit<CaseCommand, CaseEvent, CaseState> kit(CaseSettings settings) {
    return EventSourcedBehaviorTestKit.create(
        testKit.system(),
        CaseEntity.create("case-1", settings, REGELINGEN, Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  // --- the life of a case, step by step ---

  CommandResultWithReply<CaseCommand, CaseEvent, CaseState, CaseReply> run(Function<ActorRef<CaseReply>, CaseCommand> command) {
    return kit.runCommand(command);
  }

  CaseView accepted(Function<ActorRef<CaseReply>, CaseCommand> command) {
    CaseReply reply = run(command).reply();
    return assertInstanceOf(CaseReply.Accepted.class, reply, () -> "refused: " + reply).view();
  }

  CaseReply.Rejected refused(Function<ActorRef<CaseReply>, CaseCommand> command, Refusal expected) {
    long version = kit.getState().version();
    var result = run(command);
    assertTrue(CaseEvent.unpacked(result.events()).isEmpty(), "a refusal persists nothing");
    assertEquals(version, kit.getState().version());
    CaseReply.Rejected rejected = assertInstanceOf(CaseReply.Rejected.class, result.reply());
    assertEquals(expected, rejected.refusal(), rejected.detail());
    return rejected;
  }

  static CaseCommand melding(ActorRef<CaseReply> r) {
    return new CaseCommand.MeldingMaken("999993653", "0983", "wmo-noord-limburg", Kanaal.GEMEENTE, MELDING_OP, CLIENT, r);
  }

  static CaseCommand toewijzen(ActorRef<CaseReply> r, long nummer, String product) {
    return new CaseCommand.Toewijzen(
        LocalDate.parse("2026-12-10"),
        List.of(new CaseCommand.Toewijzen.Regel(nummer, product, "12345678", LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), OMVANG)),
        Map.of(),
        r);
  }

  void toFase(Fase fase) {
    accepted(CaseEntityTest::melding);
    if (fase == Fase.MELDING) return;
    accepted(CaseCommand.ScreeningStarten::new);
    if (fase == Fase.SCREENING) return;
    accepted(r -> new CaseCommand.ScreeningAfronden(false, "0983", r));
    if (fase == Fase.ONDERZOEK) return;
    accepted(r -> new CaseCommand.OnderzoekAfronden(LocalDate.parse("2026-12-01"), r));
    accepted(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-05"), r));
    accepted(r -> toewijzen(r, 1001, "02A02"));
    if (fase == Fase.TOEWIJZING) return;
    accepted(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-01-03"), r));
    if (fase == Fase.ZORG) return;
    accepted(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-06-30"), RedenBeeindiging.VOLGENS_PLAN, r));
    assertEquals(Fase.STOP, kit.getState().fase());
  }

  @Test
  void walksFromMeldingToStop() {
    CaseView melding = accepted(CaseEntityTest::melding);
    assertEquals(Fase.MELDING, melding.fase());
    assertEquals("0983", melding.gemeente());
    assertEquals("999993653", melding.bsn());
    assertEquals(Kanaal.GEMEENTE, melding.kanaal());
    assertEquals(CLIENT, melding.client());
    assertEquals(Partij.TOEGANG, melding.aanZet());
    assertEquals(1, melding.version());
    assertEquals("MELDING_ONTVANGEN", melding.history().get(0).type());
    assertEquals(NOW, melding.history().get(0).at());

    assertEquals(Fase.SCREENING, accepted(CaseCommand.ScreeningStarten::new).fase());
    assertEquals(Fase.ONDERZOEK, accepted(r -> new CaseCommand.ScreeningAfronden(false, "0983", r)).fase());

    CaseView verslag = accepted(r -> new CaseCommand.OnderzoekAfronden(LocalDate.parse("2026-12-01"), r));
    assertEquals(Fase.ONDERZOEK, verslag.fase());
    assertEquals(Partij.INWONER, verslag.aanZet(), "the inwoner must sign the verslag");

    CaseView aanvraag = accepted(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-05"), r));
    assertEquals(Partij.BACKOFFICE, aanvraag.aanZet());

    CaseView toegewezen = accepted(r -> toewijzen(r, 1001, "02A02"));
    assertEquals(Fase.TOEWIJZING, toegewezen.fase());
    assertEquals(Partij.AANBIEDER, toegewezen.aanZet());
    CaseView.ToewijzingView t = toegewezen.toewijzingen().get(0);
    assertEquals(1001, t.toewijzingNummer());
    assertEquals(ToewijzingStatus.TOEGEWEZEN, t.status());
    assertEquals("02A02", t.product());

    CaseView zorg = accepted(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-01-03"), r));
    assertEquals(Fase.ZORG, zorg.fase());
    assertEquals(LocalDate.parse("2027-01-03"), zorg.toewijzingen().get(0).begindatum());

    CaseView stop = accepted(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-06-30"), RedenBeeindiging.VOLGENS_PLAN, r));
    assertEquals(Fase.STOP, stop.fase());
    assertNull(stop.aanZet());
    assertEquals("19", stop.toewijzingen().get(0).redenBeeindiging());
    assertEquals(8, stop.version());
    assertEquals(
        List.of("MELDING_ONTVANGEN", "SCREENING_GESTART", "SCREENING_AFGEROND", "ONDERZOEK_AFGEROND",
            "AANVRAAG_ONTVANGEN", "TOEGEWEZEN", "ZORG_GESTART", "ZORG_GESTOPT"),
        stop.history().stream().map(CaseView.HistoryView::type).toList());
  }

  @Test
  void aNewCaseKnowsNothingButItsMelding() {
    refused(CaseCommand.Get::new, Refusal.NOT_FOUND);
    refused(CaseCommand.ScreeningStarten::new, Refusal.NOT_FOUND);
    assertTrue(kit.getState().isNew());
  }

  @Test
  void aMeldingForAnUnknownRegelingIsRefused() {
    var rejected = refused(
        r -> new CaseCommand.MeldingMaken("999993653", "0983", "nergens", Kanaal.GEMEENTE, MELDING_OP, null, r),
        Refusal.INVALID);
    assertTrue(rejected.detail().contains("wmo-noord-limburg"), rejected.detail());
  }

  @Test
  void aCaseIsOpenedOnlyOnce() {
    accepted(CaseEntityTest::melding);
    refused(CaseEntityTest::melding, Refusal.CONFLICT);
  }

  @Test
  void aDifferentGemeenteVanHerkomstTakesTheCaseOver() {
    toFase(Fase.SCREENING);
    var result = run(r -> new CaseCommand.ScreeningAfronden(true, "0984", r));
    assertEquals(2, CaseEvent.unpacked(result.events()).size());
    CaseEvent.Overgedragen handover = assertInstanceOf(CaseEvent.Overgedragen.class, CaseEvent.unpacked(result.events()).get(1));
    assertEquals("0983", handover.van());
    assertEquals("0984", handover.naar());
    CaseView view = ((CaseReply.Accepted) result.reply()).view();
    assertEquals("0984", view.gemeente());
    assertEquals("OVERGEDRAGEN", view.history().get(view.history().size() - 1).type());
    assertEquals("0983", view.history().get(view.history().size() - 1).details().get("van"));
  }

  @Test
  void theSameGemeenteVanHerkomstKeepsTheCase() {
    toFase(Fase.SCREENING);
    assertEquals(1, CaseEvent.unpacked(run(r -> new CaseCommand.ScreeningAfronden(false, "0983", r)).events()).size());
    assertEquals("0983", kit.getState().gemeente());
  }

  @Test
  void theVerslagGoesOutOnceAndNotBeforeTheMelding() {
    toFase(Fase.ONDERZOEK);
    refused(r -> new CaseCommand.OnderzoekAfronden(MELDING_OP.minusDays(1), r), Refusal.INVALID);
    accepted(r -> new CaseCommand.OnderzoekAfronden(MELDING_OP, r));
    refused(r -> new CaseCommand.OnderzoekAfronden(MELDING_OP.plusDays(1), r), Refusal.CONFLICT);
  }

  @Test
  void theAanvraagNeedsTheVerslagFirst() {
    toFase(Fase.ONDERZOEK);
    refused(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-05"), r), Refusal.CONFLICT);
    accepted(r -> new CaseCommand.OnderzoekAfronden(LocalDate.parse("2026-12-01"), r));
    refused(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-11-30"), r), Refusal.INVALID);
    accepted(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-05"), r));
    refused(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-06"), r), Refusal.CONFLICT);
  }

  @Nested
  class Toewijzen {

    @BeforeEach
    void aanvraag() {
      toFase(Fase.ONDERZOEK);
    }

    @Test
    void needsTheAanvraag() {
      refused(r -> toewijzen(r, 1, "02A02"), Refusal.CONFLICT);
    }

    @Test
    void refusesAProductOutsideTheRegeling() {
      signed();
      var rejected = refused(r -> toewijzen(r, 1, "15A76"), Refusal.INVALID);
      assertTrue(rejected.errors().get(0).startsWith("toewijzingen[0].product"), rejected.detail());
    }

    @Test
    void refusesProductsThatMayNotStack() {
      signed();
      var rejected = refused(
          r -> new CaseCommand.Toewijzen(LocalDate.parse("2026-12-10"), List.of(regel(1, "02A02"), regel(2, "10B01")), Map.of(), r),
          Refusal.INVALID);
      assertTrue(rejected.detail().contains("may not be combined"), rejected.detail());
    }

    @Test
    void checksStackingAgainstTheToewijzingenAlreadyRunning() {
      signed();
      accepted(r -> toewijzen(r, 1, "02A02"));
      refused(r -> toewijzen(r, 2, "08V02"), Refusal.INVALID);
      CaseView both = accepted(r -> toewijzen(r, 3, "01B04"));
      assertEquals(2, both.toewijzingen().size());
    }

    @Test
    void assignsProductsThatStack() {
      signed();
      CaseView view = accepted(
          r -> new CaseCommand.Toewijzen(LocalDate.parse("2026-12-10"), List.of(regel(1, "02A02"), regel(2, "07A02"), regel(3, "01B04")), Map.of(), r));
      assertEquals(3, view.toewijzingen().size());
      assertEquals(Fase.TOEWIJZING, view.fase());
    }

    @Test
    void refusesAPhasedOutProduct() {
      signed();
      refused(r -> toewijzen(r, 1, "02M02"), Refusal.INVALID);
    }

    @Test
    void refusesABeschikkingBeforeTheAanvraag() {
      signed();
      refused(
          r -> new CaseCommand.Toewijzen(LocalDate.parse("2026-12-04"), List.of(regel(1, "02A02")), Map.of(), r),
          Refusal.INVALID);
    }

    void signed() {
      accepted(r -> new CaseCommand.OnderzoekAfronden(LocalDate.parse("2026-12-01"), r));
      accepted(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-05"), r));
    }

    CaseCommand.Toewijzen.Regel regel(long nummer, String product) {
      return new CaseCommand.Toewijzen.Regel(nummer, product, "12345678", LocalDate.parse("2027-01-01"), null, OMVANG);
    }
  }

  @Nested
  class Zorg {

    @BeforeEach
    void toegewezen() {
      toFase(Fase.TOEWIJZING);
    }

    @Test
    void startsOnlyAKnownToewijzingWithinItsPeriod() {
      refused(r -> new CaseCommand.ZorgStarten(999, LocalDate.parse("2027-01-03"), r), Refusal.INVALID);
      refused(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2026-12-31"), r), Refusal.INVALID);
      refused(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2028-01-01"), r), Refusal.INVALID);
    }

    @Test
    void refusesASecondCurrentStart() {
      accepted(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-01-03"), r));
      refused(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-01-04"), r), Refusal.CONFLICT);
    }

    @Test
    void stopsOnlyWhatStarted() {
      refused(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-02-01"), RedenBeeindiging.VOLGENS_PLAN, r), Refusal.CONFLICT);
    }

    @Test
    void anInterruptionIsFollowedByANewStartOrADefinitiveStop() {
      accepted(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-01-03"), r));
      CaseView paused = accepted(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-03-01"), RedenBeeindiging.TIJDELIJK, r));
      assertEquals(ToewijzingStatus.ONDERBROKEN, paused.toewijzingen().get(0).status());
      assertEquals(Fase.ZORG, paused.fase(), "an interruption does not end the case");
      assertEquals("ZORG_ONDERBROKEN", paused.history().get(paused.history().size() - 1).type());
      refused(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-03-05"), RedenBeeindiging.TIJDELIJK, r), Refusal.CONFLICT);
      refused(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-02-01"), r), Refusal.INVALID);
      CaseView resumed = accepted(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-04-01"), r));
      assertEquals(ToewijzingStatus.GESTART, resumed.toewijzingen().get(0).status());
      CaseView stopped = accepted(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-06-30"), RedenBeeindiging.EENZIJDIG_DOOR_CLIENT, r));
      assertEquals(Fase.STOP, stopped.fase());
    }

    /** Start and stop follow iWmo's rules, whether they come over HTTP or in a WMO305 or WMO307 (Leveringen). */
    @Test
    void aStopNeedsAStartAndNothingFollowsADefinitiveStopButANewStart() {
      assertEquals("care under toewijzing 1001 has not started",
          refused(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-06-30"), RedenBeeindiging.VOLGENS_PLAN, r), Refusal.CONFLICT).detail());
      accepted(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-01-03"), r));
      assertEquals(Fase.STOP, accepted(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-03-31"), RedenBeeindiging.VOLGENS_PLAN, r)).fase());
      assertEquals("toewijzing 1001 has stopped already on 2027-03-31",
          refused(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-06-30"), RedenBeeindiging.VOLGENS_PLAN, r), Refusal.CONFLICT).detail());
      refused(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-01-03"), r), Refusal.CONFLICT);
      refused(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-03-01"), r), Refusal.INVALID);
      CaseView again = accepted(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-05-01"), r));
      assertEquals(Fase.ZORG, again.fase(), "care may start again under the toewijzing (TR326)");
      assertEquals(ToewijzingStatus.GESTART, again.toewijzingen().get(0).status());
    }

    @Test
    void refusesAStopBeforeTheStart() {
      accepted(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-01-03"), r));
      refused(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-01-02"), RedenBeeindiging.VOLGENS_PLAN, r), Refusal.INVALID);
    }

    @Test
    void theCaseStopsWhenEveryToewijzingHasStopped() {
      accepted(r -> toewijzen(r, 1002, "01B04"));
      accepted(r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-01-03"), r));
      accepted(r -> new CaseCommand.ZorgStarten(1002, LocalDate.parse("2027-01-05"), r));
      CaseView one = accepted(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-06-30"), RedenBeeindiging.VOLGENS_PLAN, r));
      assertEquals(Fase.ZORG, one.fase());
      refused(r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-07-01"), RedenBeeindiging.VOLGENS_PLAN, r), Refusal.CONFLICT);
      CaseView both = accepted(r -> new CaseCommand.ZorgStoppen(1002, LocalDate.parse("2027-07-31"), RedenBeeindiging.OVERLIJDEN, r));
      assertEquals(Fase.STOP, both.fase());
    }
  }

  @ParameterizedTest(name = "intrekken in {0}")
  @MethodSource("beforeTheAanvraag")
  void aCaseCanBeWithdrawnUntilTheAanvraag(Fase fase) {
    toFase(fase);
    CaseView view = accepted(r -> new CaseCommand.Intrekken("inwoner ziet ervan af", r));
    assertEquals(Fase.INGETROKKEN, view.fase());
    assertEquals("inwoner ziet ervan af", view.history().get(view.history().size() - 1).details().get("reden"));
  }

  static Stream<Fase> beforeTheAanvraag() {
    return Stream.of(Fase.MELDING, Fase.SCREENING, Fase.ONDERZOEK);
  }

  @Test
  void afterTheAanvraagWithdrawalIsRefusedWithAReason() {
    toFase(Fase.TOEWIJZING);
    var rejected = refused(r -> new CaseCommand.Intrekken("te laat", r), Refusal.CONFLICT);
    assertTrue(rejected.detail().contains("end its toewijzingen instead"), rejected.detail());
  }

  @ParameterizedTest(name = "afwijzen in {0}")
  @MethodSource("screeningAndOnderzoek")
  void aCaseCanBeRejectedDuringScreeningAndOnderzoek(Fase fase) {
    toFase(fase);
    assertEquals(Fase.AFGEWEZEN, accepted(r -> new CaseCommand.Afwijzen("geen maatwerk nodig", r)).fase());
  }

  static Stream<Fase> screeningAndOnderzoek() {
    return Stream.of(Fase.SCREENING, Fase.ONDERZOEK);
  }

  /** Each action outside the fases that allow it is a conflict, and nothing is persisted. */
  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("notAllowed")
  void refusesActionsOutsideTheirFase(Fase fase, String action, Function<ActorRef<CaseReply>, CaseCommand> command) {
    toFase(fase);
    var rejected = refused(command, Refusal.CONFLICT);
    assertTrue(rejected.detail().contains(action), rejected.detail());
  }

  static Stream<Arguments> notAllowed() {
    Function<ActorRef<CaseReply>, CaseCommand> screeningStarten = CaseCommand.ScreeningStarten::new;
    Function<ActorRef<CaseReply>, CaseCommand> screeningAfronden = r -> new CaseCommand.ScreeningAfronden(false, "0983", r);
    Function<ActorRef<CaseReply>, CaseCommand> onderzoekAfronden = r -> new CaseCommand.OnderzoekAfronden(LocalDate.parse("2026-12-01"), r);
    Function<ActorRef<CaseReply>, CaseCommand> aanvraag = r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-05"), r);
    Function<ActorRef<CaseReply>, CaseCommand> toewijzen = r -> toewijzen(r, 2001, "01B04");
    Function<ActorRef<CaseReply>, CaseCommand> zorgGestart = r -> new CaseCommand.ZorgStarten(1001, LocalDate.parse("2027-01-03"), r);
    Function<ActorRef<CaseReply>, CaseCommand> zorgGestopt = r -> new CaseCommand.ZorgStoppen(1001, LocalDate.parse("2027-06-30"), RedenBeeindiging.VOLGENS_PLAN, r);
    Function<ActorRef<CaseReply>, CaseCommand> afwijzen = r -> new CaseCommand.Afwijzen("nee", r);
    Function<ActorRef<CaseReply>, CaseCommand> intrekken = r -> new CaseCommand.Intrekken("nee", r);
    return Stream.of(
        Arguments.of(Fase.MELDING, "screening-afronden", screeningAfronden),
        Arguments.of(Fase.MELDING, "onderzoek-afronden", onderzoekAfronden),
        Arguments.of(Fase.MELDING, "aanvraag-ontvangen", aanvraag),
        Arguments.of(Fase.MELDING, "toewijzen", toewijzen),
        Arguments.of(Fase.MELDING, "zorg-gestart", zorgGestart),
        Arguments.of(Fase.MELDING, "zorg-gestopt", zorgGestopt),
        Arguments.of(Fase.MELDING, "afwijzen", afwijzen),
        Arguments.of(Fase.SCREENING, "screening-starten", screeningStarten),
        Arguments.of(Fase.SCREENING, "onderzoek-afronden", onderzoekAfronden),
        Arguments.of(Fase.SCREENING, "toewijzen", toewijzen),
        Arguments.of(Fase.ONDERZOEK, "screening-starten", screeningStarten),
        Arguments.of(Fase.ONDERZOEK, "screening-afronden", screeningAfronden),
        Arguments.of(Fase.ONDERZOEK, "zorg-gestart", zorgGestart),
        Arguments.of(Fase.ONDERZOEK, "zorg-gestopt", zorgGestopt),
        Arguments.of(Fase.TOEWIJZING, "screening-starten", screeningStarten),
        Arguments.of(Fase.TOEWIJZING, "onderzoek-afronden", onderzoekAfronden),
        Arguments.of(Fase.TOEWIJZING, "aanvraag-ontvangen", aanvraag),
        Arguments.of(Fase.TOEWIJZING, "afwijzen", afwijzen),
        Arguments.of(Fase.ZORG, "afwijzen", afwijzen),
        Arguments.of(Fase.ZORG, "aanvraag-ontvangen", aanvraag),
        Arguments.of(Fase.STOP, "screening-starten", screeningStarten),
        Arguments.of(Fase.STOP, "toewijzen", toewijzen),
        Arguments.of(Fase.STOP, "intrekken", intrekken),
        Arguments.of(Fase.STOP, "afwijzen", afwijzen));
  }

  @Test
  void anEndedCaseRefusesEverythingButReading() {
    toFase(Fase.SCREENING);
    accepted(r -> new CaseCommand.Intrekken("verhuisd", r));
    refused(r -> new CaseCommand.Intrekken("nog eens", r), Refusal.CONFLICT);
    refused(r -> new CaseCommand.Afwijzen("nee", r), Refusal.CONFLICT);
    assertEquals(Fase.INGETROKKEN, accepted(CaseCommand.Get::new).fase());
  }

  @Test
  void recoversItsWholeStateFromTheJournal() {
    toFase(Fase.ZORG);
    CaseState before = kit.getState();
    var restarted = kit.restart();
    assertEquals(before, restarted.state());
  }

  @Test
  void recoversFromASnapshotAndTheEventsAfterIt() {
    kit = kit(new CaseSettings(3, 4, Duration.ofMinutes(2), ZoneId.of("Europe/Amsterdam")));
    toFase(Fase.ZORG);
    CaseState before = kit.getState();
    var snapshots = kit.snapshotTestKit().orElseThrow().persistedInStorage("Case|case-1");
    assertEquals(7, before.version(), "snapshots after events 3 and 6, then one more event");
    assertEquals(2, snapshots.size());
    CaseState latest = (CaseState) snapshots.get(snapshots.size() - 1).second();
    assertEquals(6, latest.version());
    assertEquals(before, kit.restart().state());
  }
}
