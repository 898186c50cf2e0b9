package nl.regie.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.api.CaseView.DeadlineView;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Naam;
import nl.regie.protocol.cases.Omvang;
import nl.regie.server.testing.MutableClock;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WMO323 rules a case applies with what it knows (its toewijzingen, their starts and the
 * prestaties it granted before), each once broken and once kept, and the D17 wait for the 325 of
 * the shipped Noord-Limburg rulebook. The case has four toewijzingen of aanbieder 12345678 and one
 * of another aanbieder:
 *
 * <ul>
 *   <li>11: 02A02 begeleiding, 8 uur per week, 2027, care started 4 January;
 *   <li>12: 01B04 huishoudelijke hulp, 3 uur per week, first half of 2027, started 4 January;
 *   <li>13: 07A02 dagbesteding, 10 dagdelen per maand from 1 February 2027 without end, not started;
 *   <li>15: 02C02 for aanbieder 87654321.
 * </ul>
 */
class CaseDeclaratiesTest {

  static final ActorTestKit testKit = ActorTestKit.create(
      ConfigFactory.parseResources("serialization.conf").withFallback(EventSourcedBehaviorTestKit.config()).resolve());
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final String BSN = "999993653";
  static final String AANBIEDER = "12345678";
  static final LocalDate VANDAAG = LocalDate.parse("2027-03-03");

  EventSourcedBehaviorTestKit<CaseCommand, CaseEvent, CaseState> kit;
  long bericht = 100;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void caseInZorg() {
    MutableClock clock = new MutableClock(VANDAAG.atTime(9, 0).atZone(AMSTERDAM).toInstant());
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), CaseEntity.create("case-declaraties",
        new CaseSettings(100, 4, Duration.ofMinutes(2), AMSTERDAM), Regelingen.shipped(), clock));
    Client client = new Client(new Naam("Jansen", null, "P", null), LocalDate.parse("1960-03-01"), Geslacht.MANNELIJK, null);
    accepted(r -> new CaseCommand.MeldingMaken(BSN, "0983", "wmo-noord-limburg", Kanaal.GEMEENTE, LocalDate.parse("2026-11-24"), client, r));
    accepted(CaseCommand.ScreeningStarten::new);
    accepted(r -> new CaseCommand.ScreeningAfronden(false, "0983", r));
    accepted(r -> new CaseCommand.OnderzoekAfronden(LocalDate.parse("2026-12-01"), r));
    accepted(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-05"), r));
    accepted(r -> new CaseCommand.Toewijzen(LocalDate.parse("2026-12-10"), List.of(
        regel(11, "02A02", AANBIEDER, "2027-01-01", "2027-12-31", new Omvang(8, Eenheid.UUR, Frequentie.PER_WEEK)),
        regel(12, "01B04", AANBIEDER, "2027-01-01", "2027-06-30", new Omvang(3, Eenheid.UUR, Frequentie.PER_WEEK)),
        regel(13, "07A02", AANBIEDER, "2027-02-01", null, new Omvang(10, Eenheid.DAGDEEL, Frequentie.PER_MAAND)),
        regel(15, "02C02", "87654321", "2027-01-01", "2027-12-31", new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR))),
        Map.of(), r));
    accepted(r -> new CaseCommand.ZorgStarten(11, LocalDate.parse("2027-01-04"), r));
    accepted(r -> new CaseCommand.ZorgStarten(12, LocalDate.parse("2027-01-04"), r));
  }

  // --- a prestatie that fits is granted; the first of a declaratie records it and starts D17 ---

  @Test
  void aPrestatieThatFitsItsToewijzingIsGrantedAndRecorded() {
    Prestatie februari = debet("RN-1", 11, "02A02", "2027-02-01", "2027-02-28", 32, Eenheid.UUR);
    var result = declareer(bericht, 0, februari, BSN, AANBIEDER);
    assertEquals(List.of(Retourcode.R0200), codes(result));
    List<Class<?>> business = CaseEvent.unpacked(result.events()).stream().<Class<?>>map(Object::getClass)
        .filter(c -> !c.getSimpleName().startsWith("Deadline")).toList();
    assertEquals(List.of(CaseEvent.DeclaratieOntvangen.class, CaseEvent.PrestatieToegekend.class,
        CaseEvent.BerichtklasseBeoordeeld.class), business);
    assertEquals(List.of(februari), kit.getState().declaraties().toegekend());

    kit.restart();
    assertEquals(List.of(februari), kit.getState().declaraties().toegekend(), "granted prestaties survive recovery");
  }

  @Test
  void theSameKlasseSentAgainGetsTheSameCodesAndChangesNothing() {
    Prestatie teVeel = debet("RN-1", 11, "02A02", "2027-02-01", "2027-02-28", 40, Eenheid.UUR);
    assertEquals(List.of(Retourcode.R9321), codes(declareer(bericht, 0, teVeel, BSN, AANBIEDER)));
    long version = kit.getState().version();
    var again = declareer(bericht, 0, teVeel, BSN, AANBIEDER);
    assertEquals(List.of(Retourcode.R9321), codes(again));
    assertTrue(CaseEvent.unpacked(again.events()).isEmpty());
    assertEquals(version, kit.getState().version());
  }

  // --- TR338 (9338): related to a toewijzing of this aanbieder, with care started ---

  @Test
  void aToewijzingnummerThatIsNotThisAanbiedersHereIs9338() {
    assertEquals(List.of(Retourcode.R9338), codes(declareer(debet("RN-1", 99, "02A02", "2027-02-01", "2027-02-28", 1, Eenheid.UUR))));
    assertEquals(List.of(Retourcode.R9338), codes(declareer(debet("RN-2", 15, "02C02", "2027-02-01", "2027-02-28", 1, Eenheid.STUKS_OUTPUT))));
    accepted(r -> new CaseCommand.ZorgStarten(15, LocalDate.parse("2027-01-04"), r));
    assertEquals(List.of(Retourcode.R0200), codes(declareer(++bericht, 0, debet("RN-3", 15, "02C02", "2027-02-01", "2027-02-28", 1,
        Eenheid.STUKS_OUTPUT), BSN, "87654321")), "the other aanbieder may declare its own toewijzing");
    assertTrue(kit.getState().declaraties().toegekend().stream().noneMatch(p -> p.referentieNummer().equals("RN-1")));
    assertEquals(List.of(bericht), kit.getState().declaraties().ontvangen().stream().map(Declaratieadministratie.Ontvangen::berichtId).toList(),
        "only the declaratie of the aanbieder whose toewijzing it is was received here");
  }

  @Test
  void withoutAStartOfCareByTheEndOfTheProductperiodeThePrestatieIs9338() {
    Prestatie februari = debet("RN-1", 13, "07A02", "2027-02-01", "2027-02-28", 4, Eenheid.DAGDEEL);
    assertEquals(List.of(Retourcode.R9338), codes(declareer(februari)));

    accepted(r -> new CaseCommand.ZorgStarten(13, LocalDate.parse("2027-03-01"), r));
    assertEquals(List.of(Retourcode.R9338), codes(declareer(renamed(februari, "RN-2"))), "care started after February");

    Prestatie maart = debet("RN-3", 13, "07A02", "2027-03-01", "2027-03-02", 4, Eenheid.DAGDEEL);
    assertEquals(List.of(Retourcode.R0200), codes(declareer(maart)));
  }

  // --- TR304 (8187): the prestatie belongs to this cliënt ---

  @Test
  void aPrestatieForAnotherCliëntIs8187() {
    Prestatie februari = debet("RN-1", 11, "02A02", "2027-02-01", "2027-02-28", 32, Eenheid.UUR);
    assertEquals(List.of(Retourcode.R8187), codes(declareer(bericht, 0, februari, "999990019", AANBIEDER)));
    assertEquals(List.of(Retourcode.R0200), codes(declareer(bericht, 1, renamed(februari, "RN-2"), BSN, AANBIEDER)));
  }

  // --- TR339/TR340 (9339/9340): the toegewezen product ---

  @Test
  void anotherProductcategorieOrProductcodeThanTheToewijzingIs9339Or9340() {
    assertEquals(List.of(Retourcode.R9339, Retourcode.R9340),
        codes(declareer(debet("RN-1", 11, "07A02", "2027-02-01", "2027-02-28", 32, Eenheid.UUR))));
    assertEquals(List.of(Retourcode.R9340), codes(declareer(debet("RN-2", 11, "02C02", "2027-02-01", "2027-02-28", 32, Eenheid.UUR))));
    assertEquals(List.of(Retourcode.R0200), codes(declareer(debet("RN-3", 11, "02A02", "2027-02-01", "2027-02-28", 32, Eenheid.UUR))));
  }

  // --- TR341 (9341): the unit of the toewijzing, or minutes under hours ---

  @Test
  void aUnitThatDoesNotFitTheToewijzingIs9341ButMinutesUnderHoursFit() {
    assertEquals(List.of(Retourcode.R9341), codes(declareer(debet("RN-1", 11, "02A02", "2027-02-01", "2027-02-28", 8, Eenheid.DAGDEEL))));
    assertEquals(List.of(Retourcode.R0200), codes(declareer(debet("RN-2", 11, "02A02", "2027-02-01", "2027-02-28", 32 * 60, Eenheid.MINUUT))));
  }

  // --- TR307/TR308 (9307/9308): within the toewijzing's period ---

  @Test
  void aProductperiodeOutsideTheToewijzingIs9307And9308() {
    assertEquals(List.of(Retourcode.R9307, Retourcode.R9308),
        codes(declareer(debet("RN-1", 12, "01B04", "2027-07-01", "2027-07-31", 3, Eenheid.UUR))));
    assertEquals(List.of(Retourcode.R9308), codes(declareer(debet("RN-2", 12, "01B04", "2027-06-25", "2027-07-02", 3, Eenheid.UUR))));
    assertEquals(List.of(Retourcode.R0200), codes(declareer(debet("RN-3", 12, "01B04", "2027-06-01", "2027-06-30", 3, Eenheid.UUR))));
  }

  // --- TR321 (9321): one prestatie within the omvang ---

  @Test
  void moreThanTheOmvangAllowsForTheProductperiodeIs9321() {
    // February 2027 touches four weeks: 4 × 8 uur.
    assertEquals(List.of(Retourcode.R9321), codes(declareer(debet("RN-1", 11, "02A02", "2027-02-01", "2027-02-28", 33, Eenheid.UUR))));
    assertEquals(List.of(Retourcode.R0200), codes(declareer(debet("RN-2", 11, "02A02", "2027-02-01", "2027-02-28", 32, Eenheid.UUR))));
    // IV078: a week the period only touches counts whole; 3 to 9 March is two weeks.
    assertEquals(List.of(Retourcode.R0200), codes(declareer(debet("RN-3", 11, "02A02", "2027-03-03", "2027-03-09", 16, Eenheid.UUR))));
  }

  @Test
  void huishoudelijkeHulpPerWeekMayDeclareUpToSixWeeksInOnePeriode() {
    assertEquals(List.of(Retourcode.R9321), codes(declareer(debet("RN-1", 12, "01B04", "2027-02-01", "2027-02-07", 19, Eenheid.UUR))));
    assertEquals(List.of(Retourcode.R0200), codes(declareer(debet("RN-2", 12, "01B04", "2027-02-01", "2027-02-07", 18, Eenheid.UUR))));
  }

  // --- TR322 (9322), TR323 (8017), TR390 (9390): the prestaties granted before ---

  @Test
  void debetsTogetherBeyondTheOmvangAre9322UntilACreditFreesTheVolume() {
    accepted(r -> new CaseCommand.ZorgStarten(13, LocalDate.parse("2027-02-10"), r));
    Prestatie eerste = debet("RN-1", 13, "07A02", "2027-02-01", "2027-02-28", 10, Eenheid.DAGDEEL);
    assertEquals(List.of(Retourcode.R0200), codes(declareer(eerste)));
    Prestatie tweede = debet("RN-2", 13, "07A02", "2027-02-01", "2027-02-28", 5, Eenheid.DAGDEEL);
    assertEquals(List.of(Retourcode.R9322), codes(declareer(tweede)), "15 dagdelen where one month allows 10");

    assertEquals(List.of(Retourcode.R0200), codes(declareer(credit("RN-3", eerste))));
    assertEquals(List.of(Retourcode.R0200), codes(declareer(renamed(tweede, "RN-4"))), "the credited debet no longer counts");
    // A month later the open-ended toewijzing allows two months together.
    assertEquals(List.of(Retourcode.R0200),
        codes(declareer(debet("RN-5", 13, "07A02", "2027-03-01", "2027-03-02", 10, Eenheid.DAGDEEL))));
  }

  @Test
  void aCreditWithoutAGrantedDebetIs8017() {
    Prestatie nooitIngediend = debet("RN-0", 11, "02A02", "2027-02-01", "2027-02-28", 32, Eenheid.UUR);
    assertEquals(List.of(Retourcode.R8017), codes(declareer(credit("RN-1", nooitIngediend))));

    Prestatie afgekeurd = debet("RN-2", 11, "02A02", "2027-02-01", "2027-02-28", 40, Eenheid.UUR);
    assertEquals(List.of(Retourcode.R9321), codes(declareer(afgekeurd)));
    assertEquals(List.of(Retourcode.R8017), codes(declareer(credit("RN-3", afgekeurd))), "a rejected prestatie is never credited");

    Prestatie toegekend = debet("RN-4", 11, "02A02", "2027-02-01", "2027-02-28", 32, Eenheid.UUR);
    assertEquals(List.of(Retourcode.R0200), codes(declareer(toegekend)));
    assertEquals(List.of(Retourcode.R0200), codes(declareer(credit("RN-5", toegekend))));
  }

  @Test
  void aSecondCreditOfTheSameDebetIs9390() {
    Prestatie toegekend = debet("RN-1", 11, "02A02", "2027-02-01", "2027-02-28", 32, Eenheid.UUR);
    assertEquals(List.of(Retourcode.R0200), codes(declareer(toegekend)));
    assertEquals(List.of(Retourcode.R0200), codes(declareer(credit("RN-2", toegekend))));
    assertEquals(List.of(Retourcode.R9390), codes(declareer(credit("RN-3", toegekend))));
  }

  // --- D17: the 325 within 10 werkdagen, met when it went out ---

  @Test
  void theFirstPrestatieStartsD17AndTheWmo325MeetsItOnce() {
    declareer(bericht, 0, debet("RN-1", 11, "02A02", "2027-02-01", "2027-02-28", 32, Eenheid.UUR), BSN, AANBIEDER);
    DeadlineView d17 = deadline("D17");
    assertEquals(DeadlineStatus.OPEN, d17.status());
    assertEquals(LocalDate.parse("2027-03-17"), d17.due(), "10 werkdagen after Wednesday 3 March");
    assertEquals("backoffice:0983", d17.responsible());

    var tweede = declareer(bericht, 1, debet("RN-2", 12, "01B04", "2027-02-01", "2027-02-28", 12, Eenheid.UUR), BSN, AANBIEDER);
    assertTrue(CaseEvent.unpacked(tweede.events()).stream().noneMatch(e -> e instanceof CaseEvent.DeclaratieOntvangen || e instanceof CaseEvent.DeadlineSet),
        "one declaratie is received once");

    var beantwoord = kit.<CaseReply>runCommand(r -> new CaseCommand.DeclaratieBeantwoorden(bericht, 501, r));
    assertInstanceOf(CaseReply.Accepted.class, beantwoord.reply());
    assertTrue(CaseEvent.unpacked(beantwoord.events()).stream().anyMatch(e -> e instanceof CaseEvent.DeclaratieBeantwoord));
    assertEquals(DeadlineStatus.MET, deadline("D17").status());

    var nogmaals = kit.<CaseReply>runCommand(r -> new CaseCommand.DeclaratieBeantwoorden(bericht, 501, r));
    assertInstanceOf(CaseReply.Accepted.class, nogmaals.reply());
    assertTrue(CaseEvent.unpacked(nogmaals.events()).isEmpty(), "a 325 reported again changes nothing");
    var onbekend = kit.<CaseReply>runCommand(r -> new CaseCommand.DeclaratieBeantwoorden(bericht + 1, 502, r));
    assertTrue(CaseEvent.unpacked(onbekend.events()).isEmpty(), "a declaratie without prestaties here changes nothing");
  }

  // --- helpers ---

  static CaseCommand.Toewijzen.Regel regel(long nummer, String product, String aanbieder, String ingang, String einde, Omvang omvang) {
    return new CaseCommand.Toewijzen.Regel(nummer, product, aanbieder, LocalDate.parse(ingang),
        einde == null ? null : LocalDate.parse(einde), omvang);
  }

  static Prestatie debet(String referentie, long toewijzing, String product, String begin, String eind, long volume, Eenheid eenheid) {
    return new Prestatie(referentie, null, toewijzing, product.substring(0, 2), product, LocalDate.parse(begin),
        LocalDate.parse(eind), volume, eenheid, volume * 1000, DebetCredit.DEBET);
  }

  /** IV091: a credit is the debet again, under its own number, naming the debet's. */
  static Prestatie credit(String referentie, Prestatie debet) {
    return new Prestatie(referentie, debet.referentieNummer(), debet.toewijzingNummer(), debet.productcategorie(),
        debet.productcode(), debet.begindatum(), debet.einddatum(), debet.geleverdVolume(), debet.eenheid(), debet.bedrag(),
        DebetCredit.CREDIT);
  }

  static Prestatie renamed(Prestatie p, String referentie) {
    return new Prestatie(referentie, p.vorigReferentieNummer(), p.toewijzingNummer(), p.productcategorie(), p.productcode(),
        p.begindatum(), p.einddatum(), p.geleverdVolume(), p.eenheid(), p.bedrag(), p.debetCredit());
  }

  /** Each prestatie in a declaratie of its own. */
  CommandResultWithReply<CaseCommand, CaseEvent, CaseState, CaseReply> declareer(Prestatie p) {
    return declareer(++bericht, 0, p, BSN, AANBIEDER);
  }

  CommandResultWithReply<CaseCommand, CaseEvent, CaseState, CaseReply> declareer(
      long berichtId, int index, Prestatie p, String bsn, String aanbieder) {
    String ref = aanbieder + "/WMO323/D" + berichtId + "/Declaratie/Client[0]/Prestatie[" + index + "]";
    return kit.runCommand(r -> new CaseCommand.PrestatieDeclareren(ref, berichtId, aanbieder, "DN" + berichtId, bsn, p, r));
  }

  static List<Retourcode> codes(CommandResultWithReply<CaseCommand, CaseEvent, CaseState, CaseReply> result) {
    return assertInstanceOf(CaseReply.Beoordeeld.class, result.reply(), () -> "not judged: " + result.reply()).retourcodes();
  }

  CaseView accepted(Function<ActorRef<CaseReply>, CaseCommand> command) {
    CaseReply reply = kit.<CaseReply>runCommand(command).reply();
    return assertInstanceOf(CaseReply.Accepted.class, reply, () -> "refused: " + reply).view();
  }

  DeadlineView deadline(String code) {
    return accepted(CaseCommand.Get::new).deadlines().stream().filter(d -> d.code().equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code));
  }
}
