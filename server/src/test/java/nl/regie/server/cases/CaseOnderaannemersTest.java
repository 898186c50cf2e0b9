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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.function.Function;
import nl.regie.protocol.aanbieder.Aanbiedersregister;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.server.testing.MutableClock;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * 004 §2.2: the gemeente assigns to the hoofdaanbieder, never to its onderaannemer. Against the
 * shipped example register of bw-groningen (99990001 and 99990002 engage 99990101; 99990003 is
 * admitted itself and an onderaannemer of 99990002 too).
 */
class CaseOnderaannemersTest {

  static final ActorTestKit testKit = ActorTestKit.create(
      ConfigFactory.parseResources("serialization.conf").withFallback(EventSourcedBehaviorTestKit.config()).resolve());
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final LocalDate TODAY = LocalDate.parse("2027-03-01");
  static final LocalDate INGANG = LocalDate.parse("2027-03-08");
  static final LocalDate EINDE = LocalDate.parse("2027-09-30");
  static final Omvang THUIS_PLUS = new Omvang(2, Eenheid.UUR, Frequentie.PER_WEEK);
  static final Omvang STUKS = new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR);
  static final String HOOFDAANBIEDER = "99990001";
  static final String ANDERE_HOOFDAANBIEDER = "99990002";
  static final String ONDERAANNEMER = "99990101";
  static final String OOK_TOEGELATEN = "99990003";

  static final Regelingen REGELINGEN = Regelingen.shipped();
  static final Aanbiedersregister REGISTER = Aanbiedersregister.load(Optional.empty(),
      REGELINGEN.all().stream().map(Regeling::id).collect(Collectors.toSet()));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private final MutableClock clock = new MutableClock(TODAY.atTime(9, 0).atZone(AMSTERDAM).toInstant());
  private EventSourcedBehaviorTestKit<CaseCommand, CaseEvent, CaseState> kit;

  private static final AtomicInteger CASES = new AtomicInteger();

  private void aanvraag(String regeling) {
    aanvraag(regeling, REGISTER);
  }

  /** A case of {@code regeling} with its aanvraag, ready for a beschikking, that knows {@code register}. */
  private void aanvraag(String regeling, Aanbiedersregister register) {
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), CaseEntity.create("case-onderaannemers-" + CASES.incrementAndGet(),
        new CaseSettings(1000, 4, Duration.ofMinutes(2), AMSTERDAM), REGELINGEN, register, clock));
    accepted(r -> new CaseCommand.MeldingMaken("999993653", "0983", regeling, Kanaal.GEMEENTE, TODAY, null, r));
    accepted(CaseCommand.ScreeningStarten::new);
    accepted(r -> new CaseCommand.ScreeningAfronden(false, "0983", r));
    accepted(r -> new CaseCommand.OnderzoekAfronden(TODAY, r));
    accepted(r -> new CaseCommand.AanvraagRegistreren(TODAY, r));
  }

  private static Function<ActorRef<CaseReply>, CaseCommand> toewijzen(String product, String aanbieder, Omvang omvang) {
    return r -> new CaseCommand.Toewijzen(TODAY, List.of(new CaseCommand.Toewijzen.Regel(1, product, aanbieder, INGANG, EINDE, omvang)),
        Map.of(aanbieder, "T1"), r);
  }

  private List<CaseEvent> accepted(Function<ActorRef<CaseReply>, CaseCommand> command) {
    var result = kit.<CaseReply>runCommand(command);
    assertInstanceOf(CaseReply.Accepted.class, result.reply(), () -> "refused: " + result.reply());
    return CaseEvent.unpacked(result.events());
  }

  private CaseReply.Rejected refused(Function<ActorRef<CaseReply>, CaseCommand> command) {
    var result = kit.<CaseReply>runCommand(command);
    assertTrue(CaseEvent.unpacked(result.events()).isEmpty(), "a refusal changes nothing");
    return assertInstanceOf(CaseReply.Rejected.class, result.reply());
  }

  @Test
  void aToewijzingToAnOnderaannemerIsRefusedNamingItsHoofdaanbieders() {
    aanvraag("bw-groningen");
    CaseReply.Rejected rejected = refused(toewijzen("15A76", ONDERAANNEMER, THUIS_PLUS));

    assertEquals(CaseReply.Refusal.INVALID, rejected.refusal());
    assertEquals(1, rejected.errors().size());
    String error = rejected.errors().get(0);
    assertTrue(error.startsWith("toewijzingen[0].aanbieder: 99990101 is in regeling bw-groningen an onderaannemer only"), error);
    assertTrue(error.contains("99990001 (Voorbeeld Hoofdaanbieder Stad (voorbeeld)), with consent from 2023-01-01"), error);
    assertTrue(error.contains("99990002 (Voorbeeld Hoofdaanbieder Ommelanden (voorbeeld)), with consent from 2023-06-01"), error);
    assertTrue(kit.getState().toewijzingen().isEmpty());
  }

  @Test
  void theHoofdaanbiederGetsIt() {
    aanvraag("bw-groningen");
    accepted(toewijzen("15A76", HOOFDAANBIEDER, THUIS_PLUS));
    assertEquals(HOOFDAANBIEDER, kit.getState().toewijzing(1).orElseThrow().aanbieder());
  }

  @Test
  void anOnderaannemerThatIsAdmittedItselfGetsOne() {
    aanvraag("bw-groningen");
    accepted(toewijzen("15A76", OOK_TOEGELATEN, THUIS_PLUS));
  }

  @Test
  void theRegisterIsPerRegeling() {
    // 99990101 is an onderaannemer in bw-groningen only; wmo-noord-limburg has no register.
    aanvraag("wmo-noord-limburg");
    accepted(toewijzen("02A02", ONDERAANNEMER, STUKS));
  }

  @Test
  void aWisselingToAnOnderaannemerIsRefusedAndToAHoofdaanbiederMade() {
    aanvraag("bw-groningen");
    accepted(toewijzen("15A76", HOOFDAANBIEDER, THUIS_PLUS));
    LocalDate per = LocalDate.parse("2027-05-01");

    CaseReply.Rejected rejected = refused(r -> new CaseCommand.AanbiederWisselen(1, ONDERAANNEMER, per, 2,
        Map.of(HOOFDAANBIEDER, "T2", ONDERAANNEMER, "T3"), r));
    assertTrue(rejected.errors().stream().anyMatch(e -> e.startsWith("aanbieder: 99990101 is in regeling bw-groningen an onderaannemer only")),
        rejected.errors()::toString);

    accepted(r -> new CaseCommand.AanbiederWisselen(1, ANDERE_HOOFDAANBIEDER, per, 2,
        Map.of(HOOFDAANBIEDER, "T2", ANDERE_HOOFDAANBIEDER, "T3"), r));
    assertEquals(ANDERE_HOOFDAANBIEDER, kit.getState().toewijzing(2).orElseThrow().aanbieder());
  }

  @Test
  void withoutARegisterNothingIsRefused() {
    aanvraag("bw-groningen", Aanbiedersregister.leeg());
    accepted(toewijzen("15A76", ONDERAANNEMER, THUIS_PLUS));
  }
}
