package nl.regie.server.cases;

import static nl.regie.server.testing.Verzoekberichten.aangevraagd;
import static nl.regie.server.testing.Verzoekberichten.nieuw;
import static nl.regie.server.testing.Verzoekberichten.teWijzigen;
import static nl.regie.server.testing.Verzoekberichten.verzoek;
import static nl.regie.server.testing.Verzoekberichten.vot;
import static nl.regie.server.testing.Verzoekberichten.vow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.xml.IwmoSchemas;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.protocol.cases.Adres;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Naam;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.cases.VerzoekProductSoort;
import nl.regie.protocol.cases.VerzoekStatus;
import nl.regie.server.cases.CaseReply.Refusal;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Verzoeken at the case: every rule that needs earlier berichten, each once refused and once
 * passed (WMO315: TR347, TR374; WMO317: TR347, TR349, TR350, TR351, TR357, TR361, TR374), the
 * gemeente's WMO319 held to TR355, TR359, TR360 and TR365, honouring with a WMO301 (TR379, IV094,
 * IV097), the WMO320, and recovery. On rulebooks without deadlines; those are CaseVerzoekDeadlinesTest.
 */
class CaseVerzoekenTest {

  static final ActorTestKit testKit = ActorTestKit.create(
      ConfigFactory.parseResources("serialization.conf").withFallback(EventSourcedBehaviorTestKit.config()).resolve());

  static final Instant NOW = Instant.parse("2026-12-14T09:00:00Z");
  static final LocalDate VANDAAG = LocalDate.parse("2026-12-14");
  static final String A = "12345678";
  static final String B = "87654321";
  static final String BSN = "999993653";
  static final Omvang OMVANG = new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR);
  static final Client CLIENT = new Client(new Naam("Jansen", null, "P", "Piet"), LocalDate.parse("1960-03-01"), Geslacht.MANNELIJK,
      new Adres("Markt", 1, null, null, "5911AB", "Venlo"));

  EventSourcedBehaviorTestKit<CaseCommand, CaseEvent, CaseState> kit;
  long nextBericht = 100;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void caseInZorg() {
    kit = kit(100);
    toewijzingen();
  }

  static EventSourcedBehaviorTestKit<CaseCommand, CaseEvent, CaseState> kit(int snapshotEvery) {
    return EventSourcedBehaviorTestKit.create(testKit.system(), CaseEntity.create("case-v",
        new CaseSettings(snapshotEvery, 4, Duration.ofMinutes(2), ZoneId.of("Europe/Amsterdam")), TestRules.withoutDeadlines(),
        Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  /** Toewijzing 1001 (02A02) and 1002 (01B04) for aanbieder A, 1003 (07A02) for B, all in 2027. */
  void toewijzingen() {
    accepted(r -> new CaseCommand.MeldingMaken(BSN, "0983", "wmo-noord-limburg", Kanaal.GEMEENTE, LocalDate.parse("2026-11-24"), CLIENT, r));
    accepted(CaseCommand.ScreeningStarten::new);
    accepted(r -> new CaseCommand.ScreeningAfronden(false, "0983", r));
    accepted(r -> new CaseCommand.OnderzoekAfronden(LocalDate.parse("2026-12-01"), r));
    accepted(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-05"), r));
    accepted(r -> new CaseCommand.Toewijzen(LocalDate.parse("2026-12-10"), List.of(
        regel(1001, "02A02", A, null), regel(1002, "01B04", A, null), regel(1003, "07A02", B, null)), Map.of(), r));
  }

  static CaseCommand.Toewijzen.Regel regel(long nummer, String product, String aanbieder, String referentie) {
    return new CaseCommand.Toewijzen.Regel(nummer, product, aanbieder, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
        OMVANG, referentie);
  }

  CaseView accepted(Function<ActorRef<CaseReply>, CaseCommand> command) {
    CaseReply reply = kit.runCommand(command).reply();
    return assertInstanceOf(CaseReply.Accepted.class, reply, () -> "refused: " + reply).view();
  }

  CaseReply.Rejected refused(Function<ActorRef<CaseReply>, CaseCommand> command, Refusal expected) {
    long version = kit.getState().version();
    CommandResultWithReply<CaseCommand, CaseEvent, CaseState, CaseReply> result = kit.runCommand(command);
    assertTrue(CaseEvent.unpacked(result.events()).isEmpty(), "a refusal persists nothing");
    assertEquals(version, kit.getState().version());
    CaseReply.Rejected rejected = assertInstanceOf(CaseReply.Rejected.class, result.reply());
    assertEquals(expected, rejected.refusal(), rejected.detail());
    return rejected;
  }

  /** The codes per klassepad of a judged verzoek. */
  Map<String, List<Retourcode>> judged(Function<ActorRef<CaseReply>, CaseCommand> command) {
    CaseReply reply = kit.runCommand(command).reply();
    return assertInstanceOf(CaseReply.KlassenBeoordeeld.class, reply, () -> "not judged: " + reply).perKlasse();
  }

  static void allAccepted(Map<String, List<Retourcode>> codes) {
    assertTrue(codes.values().stream().allMatch(c -> c.equals(List.of(Retourcode.R0200))), codes::toString);
  }

  Function<ActorRef<CaseReply>, CaseCommand> wijziging(String aanbieder, String referentie, List<Long> ongewijzigd,
      List<nl.regie.protocol.iwmo.bericht.Wmo317.TeWijzigenProduct> teWijzigen, List<nl.regie.protocol.iwmo.bericht.Wmo317.NieuwProduct> nieuw) {
    long berichtId = nextBericht++;
    return r -> vow(aanbieder, "W" + berichtId, berichtId, VANDAAG, BSN, verzoek(referentie, ongewijzigd, teWijzigen, nieuw), false, false, r);
  }

  /** A VOW of A that names both its toewijzingen and asks for a later einddatum of 1001. */
  Function<ActorRef<CaseReply>, CaseCommand> goedeWijziging(String referentie) {
    return wijziging(A, referentie, List.of(1002L), List.of(teWijzigen(1001, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))),
        List.of());
  }

  Function<ActorRef<CaseReply>, CaseCommand> toewijzing(String aanbieder, String... referenties) {
    long berichtId = nextBericht++;
    nl.regie.protocol.iwmo.bericht.Wmo315.AangevraagdProduct[] producten = new nl.regie.protocol.iwmo.bericht.Wmo315.AangevraagdProduct[referenties.length];
    for (int i = 0; i < referenties.length; i++) {
      producten[i] = aangevraagd(referenties[i], "02C02", LocalDate.parse("2027-02-01"), LocalDate.parse("2027-12-31"));
    }
    return r -> vot(aanbieder, "T" + berichtId, berichtId, VANDAAG, List.of(), false, r, producten);
  }

  Verzoek verzoekVan(String aanbieder, String referentie) {
    return kit.getState().verzoeken().stream().filter(v -> v.is(aanbieder, referentie)).findFirst().orElseThrow();
  }

  CaseView beantwoord(String referentie, VerzoekAntwoord antwoord, RedenAfwijzingVerzoek reden) {
    return accepted(r -> new CaseCommand.VerzoekBeantwoorden(referentie, null, antwoord, reden, "R" + nextBericht++, r));
  }

  @Nested
  class VerzoekOmToewijzing {

    @Test
    void takesInEveryProductAsAVerzoekOfItsOwn() {
      Map<String, List<Retourcode>> codes = judged(toewijzing(A, "T-1", "T-2"));
      allAccepted(codes);
      assertEquals(List.of("Client", "Client/AangevraagdProduct[0]", "Client/AangevraagdProduct[1]"), codes.keySet().stream().sorted().toList());
      CaseView view = accepted(CaseCommand.Get::new);
      assertEquals(List.of("T-1", "T-2"), view.verzoeken().stream().map(CaseView.VerzoekView::referentieAanbieder).toList());
      CaseView.VerzoekView eerste = view.verzoeken().get(0);
      assertEquals(VerzoekStatus.ONTVANGEN, eerste.status());
      assertEquals("WMO315", eerste.berichtsoort());
      assertEquals(VerzoekProductSoort.AANGEVRAAGD, eerste.producten().get(0).soort());
      assertEquals("02C02", eerste.producten().get(0).product());
      assertEquals("WMO315_ONTVANGEN", view.history().get(view.history().size() - 2).type());
    }

    @Test
    void tr374RefusesASecondVerzoekOfTheSameAanbiederWhileOneIsInBehandeling() {
      allAccepted(judged(toewijzing(A, "T-1")));
      var result = kit.runCommand(toewijzing(A, "T-2"));
      Map<String, List<Retourcode>> codes = assertInstanceOf(CaseReply.KlassenBeoordeeld.class, result.reply()).perKlasse();
      assertEquals(List.of(Retourcode.R9374), codes.get("Client"));
      assertEquals(List.of(Retourcode.R0233), codes.get("Client/AangevraagdProduct[0]"), "the products are not judged");
      assertEquals(1, kit.getState().verzoeken().size());
      assertTrue(CaseEvent.unpacked(result.events()).stream().allMatch(CaseEvent.BerichtklasseBeoordeeld.class::isInstance), "only the judgement is recorded");
    }

    @Test
    void tr374LetsAnotherAanbiederAndAnAnsweredVerzoekThrough() {
      allAccepted(judged(toewijzing(A, "T-1")));
      allAccepted(judged(toewijzing(B, "T-1")));
      accepted(r -> new CaseCommand.VerzoekBeantwoorden("T-1", A, VerzoekAntwoord.VERZOEK_AFGEWEZEN, RedenAfwijzingVerzoek.GEEN_CONTRACT,
          "R1", r));
      allAccepted(judged(toewijzing(A, "T-2")));
    }

    @Test
    void tr374CountsAVerzoekInBehandelingInAnotherCaseOfTheClient() {
      long berichtId = nextBericht++;
      Map<String, List<Retourcode>> codes = judged(r -> vot(A, "T" + berichtId, berichtId, VANDAAG, List.of(), true, r,
          aangevraagd("T-1", "02C02", LocalDate.parse("2027-02-01"), null)));
      assertEquals(List.of(Retourcode.R9374), codes.get("Client"));
      assertTrue(kit.getState().verzoeken().isEmpty());
    }

    @Test
    void tr347RefusesAReferenceTheAanbiederUsedBeforeAndTakesInTheOtherProducts() {
      long berichtId = nextBericht++;
      Map<String, List<Retourcode>> codes = judged(r -> vot(A, "T" + berichtId, berichtId, VANDAAG, List.of("T-1"), false, r,
          aangevraagd("T-1", "02C02", LocalDate.parse("2027-02-01"), null),
          aangevraagd("T-2", "02C02", LocalDate.parse("2028-02-01"), null)));
      assertEquals(List.of(Retourcode.R9347), codes.get("Client/AangevraagdProduct[0]"), "held elsewhere (the intake knows)");
      assertEquals(List.of(Retourcode.R0200), codes.get("Client/AangevraagdProduct[1]"));
      assertEquals(List.of("T-2"), kit.getState().verzoeken().stream().map(Verzoek::referentieAanbieder).toList());

      beantwoord("T-2", VerzoekAntwoord.VERZOEK_AFGEWEZEN, RedenAfwijzingVerzoek.BUDGET);
      Map<String, List<Retourcode>> again = judged(toewijzing(A, "T-2"));
      assertEquals(List.of(Retourcode.R9347), again.get("Client/AangevraagdProduct[0]"), "used at this case before");
    }

    @Test
    void theSameBerichtAgainGetsTheSameAnswerAndChangesNothing() {
      Function<ActorRef<CaseReply>, CaseCommand> accepted = toewijzing(A, "T-1");
      Function<ActorRef<CaseReply>, CaseCommand> refused = toewijzing(A, "T-2");
      Map<String, List<Retourcode>> first = judged(accepted);
      Map<String, List<Retourcode>> firstRefusal = judged(refused);
      long version = kit.getState().version();
      for (var bericht : List.of(accepted, refused)) {
        var again = kit.runCommand(bericht);
        assertTrue(CaseEvent.unpacked(again.events()).isEmpty());
        assertEquals(bericht == accepted ? first : firstRefusal, assertInstanceOf(CaseReply.KlassenBeoordeeld.class, again.reply()).perKlasse());
      }
      assertEquals(version, kit.getState().version());
      assertEquals(List.of(Retourcode.R9374), firstRefusal.get("Client"));
    }
  }

  @Nested
  class VerzoekOmWijziging {

    @Test
    void takesInAVowThatNamesEveryCurrentToewijzing() {
      Map<String, List<Retourcode>> codes = judged(wijziging(A, "W-1", List.of(1002L),
          List.of(teWijzigen(1001, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))),
          List.of(nieuw("07A02", LocalDate.parse("2027-03-01"), LocalDate.parse("2027-12-31")))));
      allAccepted(codes);
      Verzoek v = verzoekVan(A, "W-1");
      assertEquals(VerzoekStatus.ONTVANGEN, v.status());
      assertEquals(List.of(VerzoekProductSoort.ONGEWIJZIGD, VerzoekProductSoort.TE_WIJZIGEN, VerzoekProductSoort.NIEUW),
          v.producten().stream().map(Verzoek.Gevraagd::soort).toList());
      assertEquals(LocalDate.parse("2028-06-30"), v.producten().get(1).einddatum());
    }

    @Test
    void tr349RefusesAVowThatLeavesOutACurrentToewijzing() {
      Map<String, List<Retourcode>> codes = judged(wijziging(A, "W-1", List.of(),
          List.of(teWijzigen(1001, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))), List.of()));
      assertEquals(List.of(Retourcode.R9349), codes.get("Client/Verzoek"));
      assertEquals(List.of(Retourcode.R0200), codes.get("Client/Verzoek/TeWijzigenProduct[0]"));
      assertTrue(kit.getState().verzoeken().isEmpty(), "a VOW is taken in whole or not at all");
    }

    @Test
    void tr349AsksOnlyForTheAanbiedersOwnCurrentToewijzingen() {
      // 1003 is B's: A cannot know it and need not name it. 1002 stopped for good: not current.
      accepted(r -> new CaseCommand.ZorgStarten(1002, LocalDate.parse("2027-01-04"), r));
      accepted(r -> new CaseCommand.ZorgStoppen(1002, LocalDate.parse("2027-01-31"), RedenBeeindiging.VOLGENS_PLAN, r));
      allAccepted(judged(wijziging(A, "W-1", List.of(),
          List.of(teWijzigen(1001, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))), List.of())));
    }

    @Test
    void tr350RefusesAnOngewijzigdProductThatIsNoCurrentToewijzingOfTheAanbieder() {
      Map<String, List<Retourcode>> codes = judged(wijziging(A, "W-1", List.of(1002L, 1003L, 9999L),
          List.of(teWijzigen(1001, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))), List.of()));
      assertEquals(List.of(Retourcode.R0200), codes.get("Client/Verzoek/OngewijzigdProduct[0]"));
      assertEquals(List.of(Retourcode.R9350), codes.get("Client/Verzoek/OngewijzigdProduct[1]"), "B's toewijzing");
      assertEquals(List.of(Retourcode.R9350), codes.get("Client/Verzoek/OngewijzigdProduct[2]"), "no toewijzing at all");
    }

    @Test
    void tr351RefusesATeWijzigenProductThatIsNoCurrentToewijzing() {
      Map<String, List<Retourcode>> codes = judged(wijziging(A, "W-1", List.of(1001L, 1002L),
          List.of(teWijzigen(4242, LocalDate.parse("2027-02-01"), LocalDate.parse("2028-06-30"))), List.of()));
      assertEquals(List.of(Retourcode.R9351), codes.get("Client/Verzoek/TeWijzigenProduct[0]"));
      allAccepted(judged(goedeWijziging("W-2")));
    }

    @Test
    void tr357RefusesAChangeThatStartsInThePastButNotOnTheIngangsdatum() {
      Map<String, List<Retourcode>> codes = judged(wijziging(A, "W-1", List.of(1002L),
          List.of(teWijzigen(1001, LocalDate.parse("2026-12-01"), LocalDate.parse("2028-06-30"))), List.of()));
      assertEquals(List.of(Retourcode.R9357), codes.get("Client/Verzoek/TeWijzigenProduct[0]"));
      allAccepted(judged(wijziging(A, "W-2", List.of(1002L),
          List.of(teWijzigen(1001, LocalDate.parse("2027-03-01"), LocalDate.parse("2028-06-30"))), List.of())));
    }

    @Test
    void tr361RefusesANewProductThatOverlapsACurrentOneOfTheSameProduct() {
      Map<String, List<Retourcode>> codes = judged(wijziging(A, "W-1", List.of(1001L, 1002L), List.of(),
          List.of(nieuw("02A02", LocalDate.parse("2027-06-01"), LocalDate.parse("2027-12-31")))));
      assertEquals(List.of(Retourcode.R9361), codes.get("Client/Verzoek/NieuwProduct[0]"));
      allAccepted(judged(wijziging(A, "W-2", List.of(1001L, 1002L), List.of(),
          List.of(nieuw("02A02", LocalDate.parse("2028-01-01"), LocalDate.parse("2028-12-31"))))));
    }

    @Test
    void tr361SeesTheWishedEinddatumOfAChangedToewijzing() {
      Map<String, List<Retourcode>> codes = judged(wijziging(A, "W-1", List.of(1002L),
          List.of(teWijzigen(1001, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))),
          List.of(nieuw("02A02", LocalDate.parse("2028-01-01"), LocalDate.parse("2028-12-31")))));
      assertEquals(List.of(Retourcode.R9361), codes.get("Client/Verzoek/NieuwProduct[0]"));
    }

    @Test
    void tr374RefusesASecondVowUntilTheFirstIsRejected() {
      allAccepted(judged(goedeWijziging("W-1")));
      assertEquals(List.of(Retourcode.R9374), judged(goedeWijziging("W-2")).get("Client/Verzoek"));
      beantwoord("W-1", VerzoekAntwoord.VERZOEK_AFGEWEZEN, RedenAfwijzingVerzoek.ZORGINHOUDELIJK);
      allAccepted(judged(goedeWijziging("W-3")));
    }

    @Test
    void tr374AlsoCountsAVerzoekInBehandelingElsewhere() {
      long berichtId = nextBericht++;
      Map<String, List<Retourcode>> codes = judged(r -> vow(A, "W" + berichtId, berichtId, VANDAAG, BSN, verzoek("W-1", List.of(1002L),
          List.of(teWijzigen(1001, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))), List.of()), false, true, r));
      assertEquals(List.of(Retourcode.R9374), codes.get("Client/Verzoek"));
    }

    @Test
    void tr347RefusesAReferenceThatIsNotUniqueForTheAanbieder() {
      long berichtId = nextBericht++;
      Map<String, List<Retourcode>> codes = judged(r -> vow(A, "W" + berichtId, berichtId, VANDAAG, BSN, verzoek("W-1", List.of(1002L),
          List.of(teWijzigen(1001, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))), List.of()), true, false, r));
      assertEquals(List.of(Retourcode.R9347), codes.get("Client/Verzoek"));
      allAccepted(judged(goedeWijziging("W-2")));
    }

    @Test
    void aVowForAnotherClientRelatesToNothing() {
      long berichtId = nextBericht++;
      Map<String, List<Retourcode>> codes = judged(r -> vow(A, "W" + berichtId, berichtId, VANDAAG, "999990019", verzoek("W-1",
          List.of(1002L), List.of(teWijzigen(1001, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))), List.of()), false, false, r));
      assertEquals(List.of(Retourcode.R9350), codes.get("Client/Verzoek/OngewijzigdProduct[0]"));
      assertEquals(List.of(Retourcode.R9351), codes.get("Client/Verzoek/TeWijzigenProduct[0]"));
    }
  }

  @Nested
  class Antwoordbericht {

    @Test
    void inOnderzoekThenRejectedWritesTwoValidWmo319s() {
      allAccepted(judged(goedeWijziging("W-1")));
      var result = kit.runCommand((ActorRef<CaseReply> r) -> new CaseCommand.VerzoekBeantwoorden("W-1", null,
          VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null, "R900", r));
      CaseEvent.BerichtVerstuurd sent = CaseEvent.unpacked(result.events()).stream().filter(CaseEvent.BerichtVerstuurd.class::isInstance)
          .map(CaseEvent.BerichtVerstuurd.class::cast).findFirst().orElseThrow();
      Wmo319 wmo319 = valid319(sent);
      assertEquals("W-1", wmo319.antwoord().referentieAanbieder());
      assertEquals(VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, wmo319.antwoord().verzoekAntwoord());
      assertEquals("0983", wmo319.header().afzender());
      assertEquals(A, wmo319.header().ontvanger());
      assertEquals(VANDAAG, wmo319.header().dagtekening());
      assertEquals(VerzoekStatus.IN_ONDERZOEK, verzoekVan(A, "W-1").status());

      CaseView afgewezen = beantwoord("W-1", VerzoekAntwoord.VERZOEK_AFGEWEZEN, RedenAfwijzingVerzoek.BUITEN_CONTRACT);
      assertEquals("4", afgewezen.verzoeken().get(0).redenAfwijzing());
      assertEquals(VerzoekStatus.AFGEWEZEN, afgewezen.verzoeken().get(0).status());
      assertEquals("VERZOEK_AFGEWEZEN", afgewezen.history().stream().filter(h -> h.type().startsWith("VERZOEK_")).reduce((a, b) -> b)
          .orElseThrow().type());
    }

    @Test
    void tr360RefusesASecondInOnderzoek() {
      allAccepted(judged(goedeWijziging("W-1")));
      beantwoord("W-1", VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null);
      var rejected = refused(r -> new CaseCommand.VerzoekBeantwoorden("W-1", null, VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null, "R9", r),
          Refusal.CONFLICT);
      assertTrue(rejected.detail().contains("9360"), rejected.detail());
    }

    @Test
    void tr365RefusesAnAnswerAfterARejection() {
      allAccepted(judged(goedeWijziging("W-1")));
      beantwoord("W-1", VerzoekAntwoord.VERZOEK_AFGEWEZEN, RedenAfwijzingVerzoek.STAPELING);
      var rejected = refused(r -> new CaseCommand.VerzoekBeantwoorden("W-1", null, VerzoekAntwoord.VERZOEK_AFGEWEZEN,
          RedenAfwijzingVerzoek.STAPELING, "R9", r), Refusal.CONFLICT);
      assertTrue(rejected.detail().contains("9365"), rejected.detail());
    }

    @Test
    void tr359RefusesAnAnswerAfterAWmo301HonouredIt() {
      allAccepted(judged(toewijzing(A, "T-1")));
      accepted(r -> new CaseCommand.Toewijzen(VANDAAG, List.of(regel(2001, "02C02", A, "T-1")), Map.of(A, "R77"), r));
      var rejected = refused(r -> new CaseCommand.VerzoekBeantwoorden("T-1", null, VerzoekAntwoord.VERZOEK_AFGEWEZEN,
          RedenAfwijzingVerzoek.BUDGET, "R9", r), Refusal.CONFLICT);
      assertTrue(rejected.detail().contains("9359"), rejected.detail());
    }

    @Test
    void tr355RefusesAReferenceOfNoVerzoek() {
      var rejected = refused(r -> new CaseCommand.VerzoekBeantwoorden("NOPE", null, VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null, "R9", r),
          Refusal.INVALID);
      assertTrue(rejected.detail().contains("9355"), rejected.detail());
    }

    @Test
    void aReferenceTwoAanbiedersUsedNeedsTheAanbieder() {
      allAccepted(judged(toewijzing(A, "T-1")));
      allAccepted(judged(toewijzing(B, "T-1")));
      var rejected = refused(r -> new CaseCommand.VerzoekBeantwoorden("T-1", null, VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null, "R9", r),
          Refusal.INVALID);
      assertTrue(rejected.errors().get(0).startsWith("aanbieder:"), rejected.detail());
      accepted(r -> new CaseCommand.VerzoekBeantwoorden("T-1", B, VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null, "R9", r));
      assertEquals(VerzoekStatus.IN_ONDERZOEK, verzoekVan(B, "T-1").status());
      assertEquals(VerzoekStatus.ONTVANGEN, verzoekVan(A, "T-1").status());
    }

    @Test
    void aWmo320IsRecordedOnce() {
      allAccepted(judged(goedeWijziging("W-1")));
      beantwoord("W-1", VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null);
      Function<ActorRef<CaseReply>, CaseCommand> retour = r -> new CaseCommand.AntwoordRetourOntvangen(A + "/WMO320/X1/Header", 55, A,
          "R100", List.of("0200"), r);
      var first = kit.runCommand(retour);
      assertEquals(List.of(Retourcode.R0200), assertInstanceOf(CaseReply.Beoordeeld.class, first.reply()).retourcodes());
      assertTrue(CaseEvent.unpacked(first.events()).stream().anyMatch(e -> e instanceof CaseEvent.AntwoordBevestigd b && b.identificatie().equals("R100")));
      assertTrue(CaseEvent.unpacked(kit.runCommand(retour).events()).isEmpty(), "the same WMO320 again changes nothing");
    }
  }

  @Nested
  class Honoreren {

    @Test
    void aWmo301HonouringAVotProductCarriesItsReferenceOnThatProductOnly() {
      allAccepted(judged(toewijzing(A, "T-1", "T-2")));
      var result = kit.runCommand((ActorRef<CaseReply> r) -> new CaseCommand.Toewijzen(VANDAAG,
          List.of(regel(2001, "02C02", A, "T-1")), Map.of(A, "R77"), r));
      assertInstanceOf(CaseReply.Accepted.class, result.reply());
      Wmo301 wmo301 = valid301(CaseEvent.unpacked(result.events()));
      assertEquals(Map.of(1001L, "", 1002L, "", 2001L, "T-1"), referenties(wmo301), "IV094: the other toewijzingen carry none");
      assertEquals(VerzoekStatus.GEHONOREERD, verzoekVan(A, "T-1").status());
      assertEquals(List.of(2001L), verzoekVan(A, "T-1").toewijzingNummers());
      assertEquals(VerzoekStatus.ONTVANGEN, verzoekVan(A, "T-2").status(), "a VOT is honoured product by product");
    }

    @Test
    void aWmo301HonouringAVowCarriesItsReferenceOnEveryToewijzingOfTheAanbieder() {
      allAccepted(judged(wijziging(A, "W-1", List.of(1001L, 1002L), List.of(),
          List.of(nieuw("02C02", LocalDate.parse("2027-03-01"), LocalDate.parse("2027-12-31"))))));
      var result = kit.runCommand((ActorRef<CaseReply> r) -> new CaseCommand.Toewijzen(VANDAAG,
          List.of(new CaseCommand.Toewijzen.Regel(2001, "02C02", A, LocalDate.parse("2027-03-01"), LocalDate.parse("2027-12-31"), OMVANG,
              "W-1")), Map.of(A, "R78"), r));
      assertInstanceOf(CaseReply.Accepted.class, result.reply());
      assertEquals(Map.of(1001L, "W-1", 1002L, "W-1", 2001L, "W-1"), referenties(valid301(CaseEvent.unpacked(result.events()))), "IV097");
      assertEquals(VerzoekStatus.GEHONOREERD, verzoekVan(A, "W-1").status());
      assertNull(verzoekVan(A, "W-1").redenAfwijzing());
    }

    @Test
    void tr379RefusesAReferenceThatNamesNoVerzoekInBehandeling() {
      var unknown = refused(r -> new CaseCommand.Toewijzen(VANDAAG, List.of(regel(2001, "02C02", A, "T-1")), Map.of(A, "R77"), r),
          Refusal.INVALID);
      assertTrue(unknown.detail().contains("9379"), unknown.detail());

      allAccepted(judged(toewijzing(A, "T-1")));
      var otherAanbieder = refused(r -> new CaseCommand.Toewijzen(VANDAAG, List.of(regel(2001, "02C02", B, "T-1")), Map.of(B, "R77"), r),
          Refusal.INVALID);
      assertTrue(otherAanbieder.detail().contains("9379"), otherAanbieder.detail());

      beantwoord("T-1", VerzoekAntwoord.VERZOEK_AFGEWEZEN, RedenAfwijzingVerzoek.GEEN_CONTRACT);
      refused(r -> new CaseCommand.Toewijzen(VANDAAG, List.of(regel(2001, "02C02", A, "T-1")), Map.of(A, "R77"), r), Refusal.INVALID);
    }

    @Test
    void aVerzoekIsHonouredOnce() {
      allAccepted(judged(toewijzing(A, "T-1")));
      accepted(r -> new CaseCommand.Toewijzen(VANDAAG, List.of(regel(2001, "02C02", A, "T-1")), Map.of(A, "R77"), r));
      var again = refused(r -> new CaseCommand.Toewijzen(VANDAAG, List.of(new CaseCommand.Toewijzen.Regel(2002, "02C02", A,
          LocalDate.parse("2028-01-01"), LocalDate.parse("2028-12-31"), OMVANG, "T-1")), Map.of(A, "R79"), r), Refusal.INVALID);
      assertTrue(again.detail().contains("IV097"), again.detail());
    }
  }

  @Test
  void recoversVerzoekenFromTheJournalAndFromASnapshot() {
    for (int snapshotEvery : List.of(100, 3)) {
      kit.clear();
      kit = kit(snapshotEvery);
      toewijzingen();
      allAccepted(judged(toewijzing(A, "T-1", "T-2")));
      beantwoord("T-1", VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null);
      accepted(r -> new CaseCommand.Toewijzen(VANDAAG, List.of(regel(2001, "02C02", A, "T-2")), Map.of(A, "R77"), r));
      CaseState before = kit.getState();
      assertEquals(2, before.verzoeken().size());
      assertEquals(before, kit.restart().state());
    }
  }

  static Wmo319 valid319(CaseEvent.BerichtVerstuurd sent) {
    assertEquals("WMO319", sent.berichtsoort());
    byte[] xml = sent.xml().getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), IwmoSchemas.validate(Berichtsoort.WMO319, xml));
    return IwmoXml.parse(xml, Wmo319.class);
  }

  static Wmo301 valid301(List<CaseEvent> events) {
    CaseEvent.BerichtVerstuurd sent = events.stream().filter(CaseEvent.BerichtVerstuurd.class::isInstance)
        .map(CaseEvent.BerichtVerstuurd.class::cast).findFirst().orElseThrow(() -> new AssertionError("no WMO301 in " + events));
    byte[] xml = sent.xml().getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), IwmoSchemas.validate(Berichtsoort.WMO301, xml));
    return IwmoXml.parse(xml, Wmo301.class);
  }

  /** ReferentieAanbieder per toewijzingnummer in a WMO301 ("" when empty). */
  static Map<Long, String> referenties(Wmo301 wmo301) {
    return wmo301.client().toegewezenProducten().stream().collect(java.util.stream.Collectors.toMap(
        Wmo301.ToegewezenProduct::toewijzingNummer, p -> p.referentieAanbieder() == null ? "" : p.referentieAanbieder()));
  }
}
