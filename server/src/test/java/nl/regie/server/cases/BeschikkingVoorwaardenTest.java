package nl.regie.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.server.cases.CaseCommand.Toewijzen.Regel;
import nl.regie.server.cases.CaseCommand.Toewijzen.ToewijzingElders;
import nl.regie.server.cases.CaseReply.Refusal;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What a beschikking's products need besides stacking within the case: the omvang their band
 * allows (or derived from it), a gemeente that offers them, the product they go together with, and
 * no conflict with the toewijzingen in the cliënt's other open cases (passed in the command). A
 * refusal persists nothing; the testkit round-trips each command, with its toewijzingen elsewhere,
 * through the serializer.
 */
class BeschikkingVoorwaardenTest {

  static final ActorTestKit testKit = ActorTestKit.create(
      ConfigFactory.parseResources("serialization.conf").withFallback(EventSourcedBehaviorTestKit.config()).resolve());

  static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
  static final Regelingen REGELINGEN = TestRules.withoutDeadlines();
  static final LocalDate IN = LocalDate.parse("2027-01-01");
  static final LocalDate EIND = LocalDate.parse("2027-12-31");
  static final String GOIRLE = "0785";
  static final String VENLO = "0983";

  EventSourcedBehaviorTestKit<CaseCommand, CaseEvent, CaseState> kit;
  int cases;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }


  /** A case of {@code regeling} at {@code gemeente} with its aanvraag in: ready for a beschikking. */
  void caseAt(String gemeente, String regeling) {
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), CaseEntity.create("case-" + (++cases),
        new CaseSettings(100, 4, Duration.ofMinutes(2), ZoneId.of("Europe/Amsterdam")), REGELINGEN, Clock.fixed(NOW, ZoneOffset.UTC)));
    accepted(r -> new CaseCommand.MeldingMaken("999993653", gemeente, regeling, Kanaal.GEMEENTE, LocalDate.parse("2026-11-24"),
        CaseEntityTest.CLIENT, r));
    accepted(CaseCommand.ScreeningStarten::new);
    accepted(r -> new CaseCommand.ScreeningAfronden(false, gemeente, r));
    accepted(r -> new CaseCommand.OnderzoekAfronden(LocalDate.parse("2026-12-01"), r));
    accepted(r -> new CaseCommand.AanvraagRegistreren(LocalDate.parse("2026-12-05"), r));
  }

  CaseView accepted(Function<ActorRef<CaseReply>, CaseCommand> command) {
    CaseReply reply = kit.runCommand(command).reply();
    return assertInstanceOf(CaseReply.Accepted.class, reply, () -> "refused: " + reply).view();
  }

  CaseReply.Rejected refused(Function<ActorRef<CaseReply>, CaseCommand> command) {
    long version = kit.getState().version();
    var result = kit.runCommand(command);
    assertTrue(CaseEvent.unpacked(result.events()).isEmpty(), "a refusal persists nothing");
    assertEquals(version, kit.getState().version());
    CaseReply.Rejected rejected = assertInstanceOf(CaseReply.Rejected.class, result.reply());
    assertEquals(Refusal.INVALID, rejected.refusal(), rejected.detail());
    return rejected;
  }

  static Function<ActorRef<CaseReply>, CaseCommand> toewijzen(List<ToewijzingElders> elders, Regel... regels) {
    return r -> new CaseCommand.Toewijzen(LocalDate.parse("2026-12-10"), Arrays.asList(regels), Map.of(), elders, r);
  }

  static Function<ActorRef<CaseReply>, CaseCommand> toewijzen(Regel... regels) {
    return toewijzen(List.of(), regels);
  }

  static Regel regel(long nummer, String product, Omvang omvang) {
    return new Regel(nummer, product, "12345678", IN, EIND, omvang);
  }

  static ToewijzingElders elders(String product, LocalDate ingang, LocalDate eind) {
    return new ToewijzingElders("case-2", "wmo-begeleiding", 2001, product, ingang, eind);
  }

  static Omvang minutenPerWeek(int minuten) {
    return new Omvang(minuten, Eenheid.MINUUT, Frequentie.PER_WEEK);
  }

  // --- omvang ---

  @Test
  void aBandedProductWithoutOmvangGetsTheGemiddeldePerWeek() {
    caseAt(GOIRLE, "wmo-begeleiding");
    CaseView view = accepted(toewijzen(regel(1, "021A1", null), regel(2, "074A2", null)));
    // 1A +: 2.8 uur per 4 weken = 42 minuten per week; 4A ++: 10 dagdelen per 4 weken = 2.5, rounded up to 3.
    assertEquals(minutenPerWeek(42), view.toewijzingen().get(0).omvang());
    assertEquals(new Omvang(3, Eenheid.DAGDEEL, Frequentie.PER_WEEK), view.toewijzingen().get(1).omvang());
  }

  @Test
  void anOmvangInsideTheBandIsTakenAsGiven() {
    caseAt(GOIRLE, "wmo-begeleiding");
    Omvang perMaand = new Omvang(4, Eenheid.UUR, Frequentie.PER_MAAND);
    CaseView view = accepted(toewijzen(regel(1, "021A1", perMaand)));
    assertEquals(perMaand, view.toewijzingen().get(0).omvang());
  }

  @Test
  void anOmvangOutsideTheBandIsRefusedWithTheBand() {
    caseAt(GOIRLE, "wmo-begeleiding");
    var rejected = refused(toewijzen(regel(1, "021A1", new Omvang(2, Eenheid.UUR, Frequentie.PER_WEEK))));
    assertTrue(rejected.detail().contains("toewijzingen[0].omvang"), rejected.detail());
    assertTrue(rejected.detail().contains("8 uur per 4 weken, outside the band of 0.4 to 4.2 uur per 4 weken"), rejected.detail());
  }

  @Test
  void aDerivedOmvangNeedsAnEinddatum() {
    caseAt(GOIRLE, "wmo-begeleiding");
    var rejected = refused(toewijzen(new Regel(1, "021A1", "12345678", IN, null, null)));
    assertTrue(rejected.detail().contains("CD076"), rejected.detail());
  }

  @Test
  void aProductWithoutBandNeedsItsOmvang() {
    caseAt(VENLO, "wmo-noord-limburg");
    var rejected = refused(toewijzen(regel(1, "02A02", null)));
    assertEquals(List.of("toewijzingen[0].omvang: required"), rejected.errors());
  }

  // --- gemeenten ---

  @Test
  void aProductIsAssignedOnlyInTheGemeentenThatOfferIt() {
    caseAt(VENLO, "wmo-begeleiding");
    var rejected = refused(toewijzen(regel(1, "011B1", null)));
    assertTrue(rejected.detail().contains("011B1"), rejected.detail());
    assertTrue(rejected.detail().contains("offered only in the gemeenten 0785, 0797, 0798, 0824, not in this case's gemeente 0983"),
        rejected.detail());
    caseAt(GOIRLE, "wmo-begeleiding");
    accepted(toewijzen(regel(1, "011B1", null)));
  }

  // --- alleen in combinatie met ---

  @Test
  void vervoerNeedsDagbestedingInTheSameBeschikking() {
    caseAt(GOIRLE, "wmo-begeleiding");
    Omvang perDag = new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.PER_DAG);
    var rejected = refused(toewijzen(regel(1, "08V01", perDag), regel(2, "021A1", null)));
    assertTrue(rejected.detail().contains("08V01"), rejected.detail());
    assertTrue(rejected.detail().contains("only together with a product of segment 4A+, 4A++"), rejected.detail());
    CaseView view = accepted(toewijzen(regel(1, "08V01", perDag), regel(2, "074B1", null)));
    assertEquals(2, view.toewijzingen().size());
  }

  @Test
  void vervoerMayFollowTheDagbestedingAlreadyRunningInTheCase() {
    caseAt(VENLO, "wmo-noord-limburg");
    Omvang eenmalig = new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR);
    refused(toewijzen(regel(1, "08V02", eenmalig)));
    accepted(toewijzen(regel(1, "07A02", eenmalig)));
    accepted(toewijzen(regel(2, "08V02", eenmalig)));
  }

  @Test
  void persoonlijkeVerzorgingMayGoWithAResultaatgebiedInAnotherCase() {
    caseAt(GOIRLE, "wmo-begeleiding");
    Omvang uren = new Omvang(2, Eenheid.UUR, Frequentie.PER_WEEK);
    refused(toewijzen(regel(1, "03P01", uren)));
    // A toewijzing elsewhere that ended before this one starts does not count.
    refused(toewijzen(List.of(elders("023A1", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"))), regel(1, "03P01", uren)));
    accepted(toewijzen(List.of(elders("023A1", LocalDate.parse("2026-06-01"), null)), regel(1, "03P01", uren)));
  }

  // --- across cases ---

  @Test
  void twoIntensitiesOfOneResultaatgebiedAcrossCasesAreRefusedNamingTheOtherCase() {
    caseAt(GOIRLE, "wmo-begeleiding");
    var rejected = refused(toewijzen(List.of(elders("021A1", IN, EIND)), regel(1, "021A2", null)));
    assertTrue(rejected.detail().contains("may not be combined with 021A1"), rejected.detail());
    assertTrue(rejected.detail().contains("toewijzing 2001 in case case-2"), rejected.detail());
    // After the other intensity has ended, the new one may start.
    accepted(toewijzen(List.of(elders("021A1", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"))), regel(1, "021A2", null)));
  }

  @Test
  void theSameProductInAnotherCaseStacksAsWithinACase() {
    // Products of one segment stack (a product and its verlenging); across cases as within one.
    caseAt(GOIRLE, "wmo-begeleiding");
    accepted(toewijzen(List.of(elders("021A1", LocalDate.parse("2026-06-01"), null)), regel(1, "021A1", null)));
  }

  @Test
  void segmentsOfAnotherRegelingElsewhereDoNotStackOrConflict() {
    caseAt(GOIRLE, "wmo-begeleiding");
    // 1A+ of a case in another regeling means nothing here, and is not dagbesteding for vervoer.
    ToewijzingElders anderRulebook = new ToewijzingElders("case-3", "bw-groningen", 3001, "074A1", IN, EIND);
    refused(toewijzen(List.of(anderRulebook), regel(1, "08V01", new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.PER_DAG))));
    accepted(toewijzen(List.of(new ToewijzingElders("case-3", "bw-groningen", 3001, "15A77", IN, EIND)), regel(1, "021A2", null)));
  }

  @Test
  void stackingAcrossCasesAllowsWhatTheRegelingAllows() {
    caseAt(GOIRLE, "wmo-begeleiding");
    CaseView view = accepted(toewijzen(List.of(elders("021A1", IN, EIND), elders("074A1", IN, EIND)), regel(1, "023A2", null),
        regel(2, "08V01", new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.PER_DAG))));
    assertEquals(2, view.toewijzingen().size());
  }
}
