package nl.regie.protocol.regeling;

import static nl.regie.protocol.regeling.Gebeurtenis.AANVRAAG_ONTVANGEN;
import static nl.regie.protocol.regeling.Gebeurtenis.BESCHIKT;
import static nl.regie.protocol.regeling.Gebeurtenis.MELDING;
import static nl.regie.protocol.regeling.Gebeurtenis.SCREENING_GESTART;
import static nl.regie.protocol.regeling.Gebeurtenis.TOEWIJZING_EINDE;
import static nl.regie.protocol.regeling.Gebeurtenis.TOEWIJZING_INGANG;
import static nl.regie.protocol.regeling.Gebeurtenis.VERSLAG_VERSTUURD;
import static nl.regie.protocol.regeling.Gebeurtenis.WMO301_VERSTUURD;
import static nl.regie.protocol.regeling.Gebeurtenis.WMO302_ONTVANGEN;
import static nl.regie.protocol.regeling.Gebeurtenis.ZORG_GESTART;
import static nl.regie.protocol.regeling.Gebeurtenis.ZORG_GESTOPT;
import static nl.regie.protocol.regeling.Gebeurtenis.ZORG_ONDERBROKEN;
import static nl.regie.protocol.regeling.Gebeurtenis.VERZOEK_AFGEHANDELD;
import static nl.regie.protocol.regeling.Gebeurtenis.VERZOEK_BEANTWOORD;
import static nl.regie.protocol.regeling.Gebeurtenis.VERZOEK_IN_ONDERZOEK;
import static nl.regie.protocol.regeling.Gebeurtenis.WMO315_ONTVANGEN;
import static nl.regie.protocol.regeling.Gebeurtenis.WMO316_VERSTUURD;
import static nl.regie.protocol.regeling.Gebeurtenis.WMO317_ONTVANGEN;
import static nl.regie.protocol.regeling.Gebeurtenis.WMO318_VERSTUURD;
import static nl.regie.protocol.regeling.Gebeurtenis.WMO319_VERSTUURD;
import static nl.regie.protocol.regeling.Gebeurtenis.WMO320_ONTVANGEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.regie.protocol.kalender.Termijn;
import nl.regie.protocol.kalender.Werkdagen;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Partij;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The deadlines of the shipped rulebooks, against docs/notes/termijnen.md and the seeds. */
class ShippedDeadlineRulesTest {

  private static final Regelingen SHIPPED = Regelingen.shipped();
  private static final String MO = "mo-noord-midden-limburg";
  private static final String NOORD_LIMBURG = "wmo-noord-limburg";
  private static final String BEGELEIDING = "wmo-begeleiding";
  private static final String BW = "bw-groningen";

  private static Regeling regeling(String id) {
    return SHIPPED.find(id).orElseThrow(() -> new AssertionError("not shipped: " + id));
  }

  private static DeadlineRule regel(String id, String code) {
    return regeling(id).deadlineRule(code).orElseThrow(() -> new AssertionError(id + " has no termijn " + code));
  }

  @Test
  void everyShippedRegelingHasTheRulesItsSourcesAndRegieSEventsAllow() {
    Map<String, Set<String>> codes =
        SHIPPED.all().stream()
            .collect(Collectors.toMap(Regeling::id, r -> r.deadlineRules().stream().map(DeadlineRule::code).collect(Collectors.toCollection(TreeSet::new))));
    assertEquals(
        Map.of(
            MO, with(VERZOEKEN, "D1", "D3", "D7", "D8", "D9", "D11", "D11b", "D22"),
            NOORD_LIMBURG, with(VERZOEKEN, "D3", "D4", "D7", "D8", "D9", "D11", "D11b", "D17", "D18", "D19"),
            BEGELEIDING, with(VERZOEKEN, "D2", "D3", "D5", "D7", "D8", "D9", "D17", "D19"),
            BW, with(VERZOEKEN, "D3", "D6", "D7", "D8", "D9", "D11", "D11b", "D17", "D19", "D20", "D23", "D23b", "D26")),
        codes);
  }

  /**
   * The iWmo deadlines that hold in every regeling that exchanges iWmo berichten: the retours on a
   * start and a stop (D10, D12) and the verzoek deadlines.
   */
  private static final Set<String> VERZOEKEN = Set.of("D10", "D12", "D13a", "D13", "D14a", "D14", "D14b", "D15");

  private static Set<String> with(Set<String> more, String... codes) {
    Set<String> all = new TreeSet<>(more);
    all.addAll(List.of(codes));
    return all;
  }

  @Test
  void theVerzoekDeadlinesFollowOp090Op274AndOp346Everywhere() {
    for (Regeling r : SHIPPED.all()) {
      DeadlineRule d13a = regel(r.id(), "D13a");
      assertEquals(WMO315_ONTVANGEN, d13a.start(), r.id());
      assertEquals(Set.of(WMO316_VERSTUURD), d13a.voldaan(), r.id());
      assertEquals(Termijn.werkdagen(3), d13a.termijn(), r.id());
      DeadlineRule d13 = regel(r.id(), "D13");
      assertEquals(WMO317_ONTVANGEN, d13.start(), r.id());
      assertEquals(Set.of(WMO318_VERSTUURD), d13.voldaan(), r.id());
      // 000:169 gives the MO region 5 werkdagen for the WMO318; the standard (OP090) gives 3.
      assertEquals(Termijn.werkdagen(r.id().equals(MO) ? 5 : 3), d13.termijn(), r.id());
      for (String code : List.of("D14a", "D14")) {
        DeadlineRule d14 = regel(r.id(), code);
        assertEquals(code.equals("D14a") ? WMO315_ONTVANGEN : WMO317_ONTVANGEN, d14.start(), r.id());
        assertEquals(Set.of(VERZOEK_BEANTWOORD), d14.voldaan(), r.id());
        assertEquals(Termijn.werkdagen(5), d14.termijn(), r.id());
        assertEquals(Partij.BACKOFFICE, d14.responsible(), r.id());
        assertEquals(Scope.AANBIEDER, d14.scope(), r.id());
      }
      DeadlineRule d14b = regel(r.id(), "D14b");
      assertEquals(VERZOEK_IN_ONDERZOEK, d14b.start(), r.id());
      assertEquals(Set.of(VERZOEK_AFGEHANDELD), d14b.voldaan(), r.id());
      assertEquals(Termijn.weken(8), d14b.termijn(), r.id());
      DeadlineRule d15 = regel(r.id(), "D15");
      assertEquals(WMO319_VERSTUURD, d15.start(), r.id());
      assertEquals(Set.of(WMO320_ONTVANGEN), d15.voldaan(), r.id());
      assertEquals(Termijn.werkdagen(3), d15.termijn(), r.id());
      assertEquals(Partij.AANBIEDER, d15.responsible(), r.id());
    }
  }

  @Test
  void everyRuleCitesItsSourceAndEveryRegelingCountsInTheDutchCalendar() {
    for (Regeling r : SHIPPED.all()) {
      assertEquals(Werkdagen.nederland(), r.kalender(), r.id() + ": no seed mentions Goede Vrijdag or closing days");
      for (DeadlineRule regel : r.deadlineRules()) {
        assertFalse(regel.bron().isBlank(), r.id() + " " + regel.code());
        assertFalse(regel.omschrijving().isBlank(), r.id() + " " + regel.code());
      }
    }
  }

  /** A warning or escalation proposal is one choice per rule, not one per region. */
  @Test
  void aRuleWarnsAndEscalatesAlikeInEveryRegeling() {
    Map<String, List<DeadlineRule>> byCode =
        SHIPPED.all().stream().flatMap(r -> r.deadlineRules().stream()).collect(Collectors.groupingBy(DeadlineRule::code));
    byCode.forEach(
        (code, regels) -> {
          assertEquals(1, regels.stream().map(DeadlineRule::waarschuwing).distinct().count(), code + " waarschuwing");
          assertEquals(1, regels.stream().map(DeadlineRule::escalatie).distinct().count(), code + " escalatie");
        });
  }

  @Test
  void d8IsThreeWerkdagenForTheAanbiederEverywhereWarnsAndEscalates() {
    for (Regeling r : SHIPPED.all()) {
      DeadlineRule d8 = regel(r.id(), "D8");
      assertEquals(WMO301_VERSTUURD, d8.start(), r.id());
      assertEquals(Set.of(WMO302_ONTVANGEN), d8.voldaan(), r.id());
      assertEquals(Scope.AANBIEDER, d8.scope(), r.id());
      assertEquals(Termijn.werkdagen(3), d8.termijn(), r.id());
      assertEquals(Partij.AANBIEDER, d8.responsible(), r.id());
      assertEquals(Optional.of(Termijn.werkdagen(-1)), d8.waarschuwing(), r.id());
      assertEquals(Optional.of(Termijn.werkdagen(2)), d8.escalatie(), r.id());
    }
  }

  /** OP090x4: a 325 within 10 werkdagen of a 323, wherever declaraties are sent (not MO's lumpsum). */
  @Test
  void d17IsTheWmo325WithinTenWerkdagenOfAWmo323WhereDeclaratiesApply() {
    for (String id : List.of(NOORD_LIMBURG, BEGELEIDING, BW)) {
      DeadlineRule d17 = regel(id, "D17");
      assertEquals(Gebeurtenis.WMO323_ONTVANGEN, d17.start(), id);
      assertEquals(Set.of(Gebeurtenis.WMO325_VERSTUURD), d17.voldaan(), id);
      assertEquals(Scope.CASE, d17.scope(), id);
      assertEquals(Termijn.werkdagen(10), d17.termijn(), id);
      assertEquals(Partij.BACKOFFICE, d17.responsible(), id);
      assertEquals(Optional.of(Termijn.werkdagen(-2)), d17.waarschuwing(), id);
      assertEquals(Optional.of(Termijn.werkdagen(5)), d17.escalatie(), id);
    }
    assertTrue(regeling(MO).deadlineRule("D17").isEmpty(), "16L01 is lumpsum, never declared (000:69)");
  }

  @Test
  void d3IsSixWeeksFromTheMeldingToTheVerslagEverywhere() {
    for (Regeling r : SHIPPED.all()) {
      DeadlineRule d3 = regel(r.id(), "D3");
      assertEquals(MELDING, d3.start(), r.id());
      assertEquals(Set.of(VERSLAG_VERSTUURD), d3.voldaan(), r.id());
      assertEquals(Termijn.weken(6), d3.termijn(), r.id());
      assertEquals(Partij.TOEGANG, d3.responsible(), r.id());
      assertEquals(Optional.of(Termijn.weken(-1)), d3.waarschuwing(), r.id());
    }
  }

  @Test
  void moD22IsTheUitstroomTargetOfTheOpvangProductOnly() {
    DeadlineRule d22 = regel(MO, "D22");
    assertEquals(ZORG_GESTART, d22.start());
    assertEquals(Set.of(ZORG_GESTOPT), d22.voldaan());
    assertEquals(Set.of("16L01"), d22.producten());
    assertEquals(Termijn.maanden(6), d22.termijn());
    assertEquals(Optional.of(Termijn.maanden(-3)), d22.waarschuwing(), "uitstroom is due from month 3");
    assertTrue(regeling(MO).deadlineRules().stream().filter(r -> r != d22).allMatch(r -> r.producten().isEmpty()));
  }

  @Test
  void moD1IsOnlyForAMeldingAtTheOpdrachtnemerAndDueTheSameWerkdag() {
    DeadlineRule d1 = regel(MO, "D1");
    assertEquals(MELDING, d1.start());
    assertEquals(Set.of(Kanaal.AANBIEDER), d1.kanalen());
    assertTrue(d1.voldaanDoor(SCREENING_GESTART));
    assertEquals(Termijn.werkdagen(0), d1.termijn());
    assertEquals(Partij.AANBIEDER, d1.responsible());
  }

  @Test
  void d7IsFiveWerkdagenInMoAndTwoWeeksElsewhereMetByTheBeschikking() {
    assertEquals(Termijn.werkdagen(5), regel(MO, "D7").termijn());
    for (String id : List.of(NOORD_LIMBURG, BEGELEIDING, BW)) {
      assertEquals(Termijn.weken(2), regel(id, "D7").termijn(), id);
    }
    for (Regeling r : SHIPPED.all()) {
      assertEquals(AANVRAAG_ONTVANGEN, regel(r.id(), "D7").start(), r.id());
      assertEquals(Set.of(BESCHIKT), regel(r.id(), "D7").voldaan(), r.id());
    }
    // 002:120: in Noord-Limburg the toegangsmedewerker writes the beschikking herself.
    assertEquals(Partij.TOEGANG, regel(NOORD_LIMBURG, "D7").responsible());
    assertEquals(Partij.BACKOFFICE, regel(BW, "D7").responsible());
  }

  @Test
  void theStopMessageIsDueFromTheEinddatumExceptWhere003SaysNotToSendOne() {
    for (String id : List.of(MO, NOORD_LIMBURG, BW)) {
      DeadlineRule d11 = regel(id, "D11");
      assertEquals(TOEWIJZING_EINDE, d11.start(), id);
      assertEquals(Set.of(ZORG_GESTOPT), d11.voldaan(), id);
      assertEquals(Termijn.werkdagen(5), d11.termijn(), id);
    }
    assertEquals(Optional.empty(), regeling(BEGELEIDING).deadlineRule("D11"));
  }

  @Test
  void d9CountsFromThePlannedStartOfEachToewijzing() {
    for (Regeling r : SHIPPED.all()) {
      DeadlineRule d9 = regel(r.id(), "D9");
      assertEquals(TOEWIJZING_INGANG, d9.start(), r.id());
      assertEquals(Scope.TOEWIJZING, d9.scope(), r.id());
      assertEquals(Set.of(ZORG_GESTART), d9.voldaan(), r.id());
      assertEquals(Termijn.werkdagen(5), d9.termijn(), r.id());
    }
  }

  @Test
  void d19IsEightWeeksBeforeTheEinddatumAReminderThatDoesNotEscalate() {
    // 001 and 004 ask for it; Noord-Limburg has it on 001's word (its handbook 002 has no term).
    for (String id : List.of(NOORD_LIMBURG, BEGELEIDING, BW)) {
      DeadlineRule d19 = regel(id, "D19");
      assertEquals(TOEWIJZING_EINDE, d19.start(), id);
      assertEquals(Termijn.weken(-8), d19.termijn(), id);
      assertTrue(d19.voldaanDoor(Gebeurtenis.VERLENGING_AANGEVRAAGD) && d19.voldaanDoor(BESCHIKT) && d19.voldaanDoor(ZORG_GESTOPT), id);
      assertEquals(Optional.empty(), d19.escalatie(), id);
    }
  }

  @Test
  void bwD20EndsAnInterruptionAfterThreeMonthsByTheGemeente() {
    DeadlineRule d20 = regel(BW, "D20");
    assertEquals(ZORG_ONDERBROKEN, d20.start());
    assertEquals(Set.of(ZORG_GESTART, ZORG_GESTOPT, Gebeurtenis.TOEWIJZING_BEEINDIGD), d20.voldaan(), "or the gemeente ends it");
    assertEquals(Termijn.maanden(3), d20.termijn());
    assertEquals(Partij.BACKOFFICE, d20.responsible());
    assertEquals(Partij.INWONER, regel(BW, "D6").responsible());
  }

  /**
   * The due date of every shipped rule from a known start date, worked out by hand with the Dutch
   * calendar: 2025 has Tweede Paasdag 21 April, Koningsdag on Saturday 26 April, Bevrijdingsdag on
   * Monday 5 May, Hemelvaartsdag 29 May, Tweede Pinksterdag 9 June; Christmas is Thursday and
   * Friday; Goede Vrijdag (18 April) is a werkdag.
   */
  private static final List<Arguments> DUE_DATES =
      List.of(
          // MO
          due("mo-noord-midden-limburg", "D1", "2025-05-03", "2025-05-06"), // Saturday melding; Monday is 5 May
          due("mo-noord-midden-limburg", "D3", "2025-11-13", "2025-12-29"), // 6w ends on Christmas Day, runs past the weekend
          due("mo-noord-midden-limburg", "D7", "2025-04-17", "2025-04-25"), // Goede Vrijdag counts, Tweede Paasdag not
          due("mo-noord-midden-limburg", "D8", "2025-04-25", "2025-04-30"), // over Koningsdag on a Saturday
          due("mo-noord-midden-limburg", "D9", "2025-01-01", "2025-01-08"), // from Nieuwjaarsdag
          due("mo-noord-midden-limburg", "D11", "2025-12-23", "2026-01-02"), // over Christmas and Nieuwjaarsdag
          due("mo-noord-midden-limburg", "D22", "2025-08-29", "2026-03-02"), // 29 Feb does not exist: Sat 28 Feb, then Monday
          due("mo-noord-midden-limburg", "D11b", "2025-04-30", "2025-05-08"), // skips Bevrijdingsdag
          due("mo-noord-midden-limburg", "D10", "2025-04-17", "2025-04-23"), // Goede Vrijdag counts, Tweede Paasdag not
          due("mo-noord-midden-limburg", "D12", "2025-12-24", "2025-12-31"), // over Christmas
          due("mo-noord-midden-limburg", "D13a", "2025-04-17", "2025-04-23"), // Goede Vrijdag counts, Tweede Paasdag not
          due("mo-noord-midden-limburg", "D13", "2025-12-22", "2025-12-31"), // 5wd over both Christmas days
          due("mo-noord-midden-limburg", "D14a", "2025-05-01", "2025-05-09"), // skips Bevrijdingsdag
          due("mo-noord-midden-limburg", "D14", "2025-05-23", "2025-06-02"), // skips Hemelvaartsdag
          due("mo-noord-midden-limburg", "D14b", "2025-03-01", "2025-04-28"), // 8w end on Koningsdag, a Saturday
          due("mo-noord-midden-limburg", "D15", "2025-04-25", "2025-04-30"), // over Koningsdag on a Saturday
          // Noord-Limburg
          due("wmo-noord-limburg", "D3", "2025-03-24", "2025-05-06"), // ends on Bevrijdingsdag
          due("wmo-noord-limburg", "D7", "2025-05-26", "2025-06-10"), // ends on Tweede Pinksterdag
          due("wmo-noord-limburg", "D8", "2025-12-24", "2025-12-31"),
          due("wmo-noord-limburg", "D9", "2025-04-14", "2025-04-22"),
          due("wmo-noord-limburg", "D11", "2025-02-28", "2025-03-07"),
          due("wmo-noord-limburg", "D10", "2025-06-06", "2025-06-12"), // skips Tweede Pinksterdag
          due("wmo-noord-limburg", "D12", "2025-05-02", "2025-05-08"), // skips Bevrijdingsdag
          due("wmo-noord-limburg", "D13a", "2025-06-06", "2025-06-12"), // skips Tweede Pinksterdag
          due("wmo-noord-limburg", "D13", "2025-05-28", "2025-06-03"), // skips Hemelvaartsdag
          due("wmo-noord-limburg", "D14a", "2025-12-24", "2026-01-05"), // over Christmas and Nieuwjaarsdag
          due("wmo-noord-limburg", "D14", "2025-04-16", "2025-04-24"), // Goede Vrijdag counts, Tweede Paasdag not
          due("wmo-noord-limburg", "D14b", "2025-10-30", "2025-12-29"), // 8w end on Christmas Day, run past the weekend
          due("wmo-noord-limburg", "D15", "2025-05-02", "2025-05-08"), // skips Bevrijdingsdag
          due("wmo-noord-limburg", "D17", "2025-12-18", "2026-01-06"), // over both Kerstdagen and Nieuwjaarsdag
          due("wmo-noord-limburg", "D4", "2025-04-17", "2025-04-25"), // Goede Vrijdag counts, Tweede Paasdag not
          due("wmo-noord-limburg", "D11b", "2025-02-28", "2025-03-07"),
          due("wmo-noord-limburg", "D18", "2025-01-31", "2025-04-30"), // 31 April does not exist
          due("wmo-noord-limburg", "D19", "2025-12-31", "2025-11-05"), // 8 weeks before the einddatum
          // wmo-begeleiding
          due("wmo-begeleiding", "D3", "2025-02-01", "2025-03-17"), // ends on a Saturday
          due("wmo-begeleiding", "D7", "2025-05-15", "2025-05-30"), // ends on Hemelvaartsdag
          due("wmo-begeleiding", "D8", "2025-05-02", "2025-05-08"),
          due("wmo-begeleiding", "D9", "2025-06-06", "2025-06-16"),
          due("wmo-begeleiding", "D17", "2025-04-15", "2025-04-30"), // Goede Vrijdag counts, Tweede Paasdag not
          due("wmo-begeleiding", "D19", "2025-12-31", "2025-11-05"), // 8 weeks before the einddatum
          due("wmo-begeleiding", "D10", "2025-01-31", "2025-02-05"), // over a weekend
          due("wmo-begeleiding", "D12", "2025-05-28", "2025-06-03"), // skips Hemelvaartsdag
          due("wmo-begeleiding", "D13a", "2025-01-31", "2025-02-05"), // over a weekend
          due("wmo-begeleiding", "D13", "2025-04-18", "2025-04-24"), // from Goede Vrijdag, skips Tweede Paasdag
          due("wmo-begeleiding", "D14a", "2025-06-04", "2025-06-12"), // skips Tweede Pinksterdag
          due("wmo-begeleiding", "D14", "2025-12-19", "2025-12-30"), // over Christmas
          due("wmo-begeleiding", "D14b", "2025-04-01", "2025-05-27"), // 8w end on a werkdag
          due("wmo-begeleiding", "D15", "2025-12-31", "2026-01-06"), // skips Nieuwjaarsdag
          due("wmo-begeleiding", "D2", "2025-04-07", "2025-05-06"), // 4w end on Bevrijdingsdag
          due("wmo-begeleiding", "D5", "2025-12-11", "2025-12-29"), // 2w end on Christmas Day, run past the weekend
          // BW Groningen
          due("bw-groningen", "D3", "2025-04-16", "2025-05-28"), // the day before Hemelvaartsdag
          due("bw-groningen", "D6", "2025-04-07", "2025-04-22"), // ends on Tweede Paasdag
          due("bw-groningen", "D7", "2025-12-11", "2025-12-29"),
          due("bw-groningen", "D8", "2025-05-27", "2025-06-02"), // skips Hemelvaartsdag
          due("bw-groningen", "D9", "2026-04-27", "2026-05-04"), // from Koningsdag 2026, a Monday
          due("bw-groningen", "D11", "2025-04-30", "2025-05-08"), // skips Bevrijdingsdag
          due("bw-groningen", "D17", "2025-05-26", "2025-06-11"), // skips Hemelvaartsdag and Tweede Pinksterdag
          due("bw-groningen", "D19", "2026-03-01", "2026-01-04"), // a Sunday, and stays one: a date to act from
          due("bw-groningen", "D20", "2025-10-31", "2026-02-02"), // 31 January 2026 is a Saturday
          due("bw-groningen", "D10", "2025-05-04", "2025-05-08"), // from a Sunday, skips Bevrijdingsdag
          due("bw-groningen", "D12", "2024-12-31", "2025-01-06"), // skips Nieuwjaarsdag
          due("bw-groningen", "D13a", "2025-05-04", "2025-05-08"), // from a Sunday, skips Bevrijdingsdag
          due("bw-groningen", "D13", "2025-04-24", "2025-04-29"), // over Koningsdag on a Saturday
          due("bw-groningen", "D14a", "2025-05-26", "2025-06-03"), // skips Hemelvaartsdag
          due("bw-groningen", "D14", "2025-06-05", "2025-06-13"), // skips Tweede Pinksterdag
          due("bw-groningen", "D14b", "2025-04-14", "2025-06-10"), // 8w end on Tweede Pinksterdag
          due("bw-groningen", "D15", "2025-12-23", "2025-12-30"), // over Christmas
          due("bw-groningen", "D11b", "2025-04-30", "2025-05-08"), // skips Bevrijdingsdag
          due("bw-groningen", "D23", "2025-05-02", "2025-05-08"), // skips Bevrijdingsdag
          due("bw-groningen", "D23b", "2025-05-02", "2025-05-14"), // skips Bevrijdingsdag
          due("bw-groningen", "D26", "2025-12-23", "2025-12-30")); // over Christmas

  private static Arguments due(String id, String code, String start, String due) {
    return Arguments.of(id, code, LocalDate.parse(start), LocalDate.parse(due));
  }

  static Stream<Arguments> dueDates() {
    return DUE_DATES.stream();
  }

  @ParameterizedTest(name = "{0} {1}: from {2} due {3}")
  @MethodSource("dueDates")
  void dueDate(String id, String code, LocalDate start, LocalDate due) {
    Regeling regeling = regeling(id);
    assertEquals(due, regel(id, code).termijn().einde(start, regeling.kalender()));
  }

  @Test
  void theDueDateTableCoversEveryShippedRule() {
    Set<String> shipped =
        SHIPPED.all().stream()
            .flatMap(r -> r.deadlineRules().stream().map(t -> r.id() + " " + t.code()))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> checked =
        DUE_DATES.stream()
            .map(a -> a.get()[0] + " " + a.get()[1])
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(shipped, checked, "add a due-date row for every shipped rule");
    assertEquals(DUE_DATES.size(), checked.size(), "one row per rule");
  }

  @Test
  void warningAndEscalationDatesCountFromTheDueDate() {
    Werkdagen kalender = regeling(MO).kalender();
    DeadlineRule d8 = regel(MO, "D8");
    LocalDate due = d8.termijn().einde(LocalDate.of(2025, 4, 25), kalender);
    assertEquals(LocalDate.of(2025, 5, 2), d8.escalatie().orElseThrow().einde(due, kalender));

    DeadlineRule d19 = regel(BW, "D19");
    LocalDate herindicatie = d19.termijn().einde(LocalDate.of(2026, 3, 1), regeling(BW).kalender());
    assertEquals(LocalDate.of(2025, 12, 21), d19.waarschuwing().orElseThrow().einde(herindicatie, regeling(BW).kalender()));
  }
}
