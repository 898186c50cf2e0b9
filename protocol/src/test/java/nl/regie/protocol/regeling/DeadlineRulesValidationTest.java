package nl.regie.protocol.regeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.regie.protocol.kalender.Termijn;
import nl.regie.protocol.kalender.Werkdagen;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Partij;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code termijnen} section of a rulebook in the extra folder: a good rule is read field by
 * field, and every kind of mistake stops loading with {@code <file>: termijn <code>: field <x>:
 * <reason>}, once, without follow-on noise.
 */
class DeadlineRulesValidationTest {

  private static final String FILE = "regio-t.yaml";

  private static final String HEAD =
      """
      id: regio-t
      naam: Regio T
      producten:
        - {code: 02A02, naam: Begeleiding, segment: 1A}
        - {code: 01B04, naam: Huishouden, segment: 3A}
      """;

  /** A rule with every required field right; each case below changes one thing. */
  private static final Map<String, String> D8 = fields(
      "code", "D8",
      "omschrijving", "\"Aanbieder bevestigt de toewijzing met een WMO302\"",
      "start", "WMO301_VERSTUURD",
      "voldaan", "[WMO302_ONTVANGEN]",
      "termijn", "3wd",
      "verantwoordelijke", "aanbieder",
      "bron", "\"iWmo OP090\"");

  @TempDir Path folder;

  @Test
  void aGoodRuleIsReadFieldByField() throws IOException {
    Regeling regeling = load(HEAD + termijnen(
        with(D8, "waarschuwing", "-1wd", "escalatie", "2wd"),
        fields(
            "code", "D22",
            "omschrijving", "Uitstroom",
            "start", "ZORG_GESTART",
            "voldaan", "[ZORG_GESTOPT]",
            "termijn", "6m",
            "verantwoordelijke", "aanbieder",
            "producten", "[02A02]",
            "bron", "\"000:79-81\""),
        fields(
            "code", "D1",
            "omschrijving", "Doorzetten",
            "start", "MELDING",
            "voldaan", "[SCREENING_GESTART, SCREENING_AFGEROND]",
            "termijn", "0wd",
            "verantwoordelijke", "aanbieder",
            "kanalen", "[aanbieder, veilig-thuis]",
            "bron", "\"000:218-222\""),
        fields(
            "code", "D19",
            "omschrijving", "Verlenging aanvragen",
            "start", "TOEWIJZING_EINDE",
            "voldaan", "[BESCHIKT, ZORG_GESTOPT]",
            "termijn", "-8w",
            "verantwoordelijke", "aanbieder",
            "bron", "\"001:96-99\"")));

    DeadlineRule d8 = regeling.deadlineRule("D8").orElseThrow();
    assertEquals("Aanbieder bevestigt de toewijzing met een WMO302", d8.omschrijving());
    assertEquals(Gebeurtenis.WMO301_VERSTUURD, d8.start());
    assertEquals(Scope.AANBIEDER, d8.scope());
    assertEquals(Set.of(Gebeurtenis.WMO302_ONTVANGEN), d8.voldaan());
    assertEquals(Termijn.werkdagen(3), d8.termijn());
    assertEquals(Partij.AANBIEDER, d8.responsible());
    assertEquals(Optional.of(Termijn.werkdagen(-1)), d8.waarschuwing());
    assertEquals(Optional.of(Termijn.werkdagen(2)), d8.escalatie());
    assertEquals(Set.of(), d8.kanalen());
    assertEquals(Set.of(), d8.producten());
    assertEquals("iWmo OP090", d8.bron());

    assertEquals(Set.of("02A02"), regeling.deadlineRule("D22").orElseThrow().producten());
    assertEquals(Optional.empty(), regeling.deadlineRule("D22").orElseThrow().waarschuwing());
    assertEquals(Set.of(Kanaal.AANBIEDER, Kanaal.VEILIG_THUIS), regeling.deadlineRule("D1").orElseThrow().kanalen());
    assertEquals(Termijn.weken(-8), regeling.deadlineRule("D19").orElseThrow().termijn());
    assertEquals(
        List.of("D8", "D22", "D1", "D19"),
        regeling.deadlineRules().stream().map(DeadlineRule::code).toList(),
        "file order is kept");
  }

  @Test
  void aRulebookWithoutTermijnenOrKalenderHasNoDeadlinesAndTheDutchCalendar() throws IOException {
    Regeling regeling = load(HEAD);
    assertEquals(List.of(), regeling.deadlineRules());
    assertEquals(Werkdagen.nederland(), regeling.kalender());
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake(without(D8, "code"), "termijn #1", "code", "missing"),
        mistake(with(D8, "code", "d8"), "termijn d8", "code", "must start with a capital letter"),
        mistake(with(D8, "code", "D 8"), "termijn D 8", "code", "must start with a capital letter"),
        mistake(without(D8, "omschrijving"), "termijn D8", "omschrijving", "missing"),
        mistake(without(D8, "start"), "termijn D8", "start", "missing"),
        mistake(with(D8, "start", "WMO301_ONTVANGEN"), "termijn D8", "start", "'WMO301_ONTVANGEN' is not an event (one of MELDING,"),
        mistake(with(D8, "start", "INGETROKKEN"), "termijn D8", "start", "INGETROKKEN ends the case"),
        mistake(with(D8, "start", "AFGEWEZEN"), "termijn D8", "start", "AFGEWEZEN ends the case"),
        mistake(without(D8, "voldaan"), "termijn D8", "voldaan", "missing or empty"),
        mistake(with(D8, "voldaan", "[]"), "termijn D8", "voldaan", "missing or empty"),
        mistake(with(D8, "voldaan", "[WMO302]"), "termijn D8", "voldaan", "'WMO302' is not an event"),
        mistake(with(D8, "voldaan", "[ZORG_GESTART]"), "termijn D8", "voldaan",
            "ZORG_GESTART is about one toewijzing, but this deadline (start WMO301_VERSTUURD) is about one aanbieder"),
        mistake(with(D8, "voldaan", "[WMO302_ONTVANGEN, WMO301_VERSTUURD]"), "termijn D8", "voldaan",
            "contains the start event WMO301_VERSTUURD itself"),
        mistake(with(D8, "voldaan", "[WMO302_ONTVANGEN, INGETROKKEN]"), "termijn D8", "voldaan",
            "INGETROKKEN ends the case and voids every open deadline"),
        mistake(with(D8, "voldaan", "[WMO302_ONTVANGEN, WMO302_ONTVANGEN]"), "termijn D8", "voldaan",
            "'WMO302_ONTVANGEN' listed twice"),
        mistake(without(D8, "termijn"), "termijn D8", "termijn", "missing"),
        mistake(with(D8, "termijn", "\"3 werkdagen\""), "termijn D8", "termijn", "Termijn '3 werkdagen': expected a whole number"),
        mistake(with(D8, "termijn", "-3wd"), "termijn D8", "termijn",
            "-3wd is negative, which only a deadline started by TOEWIJZING_EINDE can be"),
        mistake(with(D8, "waarschuwing", "1wd"), "termijn D8", "waarschuwing", "1wd must be negative"),
        mistake(with(D8, "waarschuwing", "0wd"), "termijn D8", "waarschuwing", "0wd must be negative"),
        mistake(with(D8, "escalatie", "-2wd"), "termijn D8", "escalatie", "-2wd must be positive"),
        mistake(with(D8, "escalatie", "2 weken"), "termijn D8", "escalatie", "Termijn '2 weken': expected"),
        mistake(without(D8, "verantwoordelijke"), "termijn D8", "verantwoordelijke", "missing"),
        mistake(with(D8, "verantwoordelijke", "gemeente"), "termijn D8", "verantwoordelijke",
            "'gemeente' is not one of toegang, backoffice, aanbieder, inwoner"),
        mistake(with(D8, "kanalen", "[aanbieder]"), "termijn D8", "kanalen", "only a deadline started by MELDING"),
        mistake(with(D8, "start", "MELDING", "voldaan", "[SCREENING_GESTART]", "kanalen", "[telefoon]"),
            "termijn D8", "kanalen", "'telefoon': kanaal is one of gemeente, aanbieder, veilig-thuis"),
        mistake(with(D8, "producten", "[02A02]"), "termijn D8", "producten",
            "only a deadline about one toewijzing (start TOEWIJZING_INGANG, TOEWIJZING_EINDE,"),
        mistake(with(D8, "start", "TOEWIJZING_INGANG", "voldaan", "[ZORG_GESTART]", "producten", "[02A02, 16L01]"),
            "termijn D8", "producten", "no product '16L01' in this regeling"),
        mistake(without(D8, "bron"), "termijn D8", "bron", "missing"));
  }

  @ParameterizedTest(name = "{1}: field {2}: {3}")
  @MethodSource("mistakes")
  void eachMistakeNamesFileRuleAndFieldOnce(Map<String, String> rule, String where, String field, String reason)
      throws IOException {
    String message = refused(HEAD + termijnen(rule));
    assertTrue(message.startsWith(FILE + ": "), message);
    String expected = where + ": field " + field + ": " + reason;
    assertTrue(message.contains(expected), "'" + expected + "' missing from: " + message);
    assertEquals(1, message.split("; ").length, "exactly one problem: " + message);
  }

  @Test
  void aCodeUsedTwiceIsRefusedAtItsSecondUse() throws IOException {
    String message = refused(HEAD + termijnen(D8, with(D8, "termijn", "5wd")));
    assertEquals(FILE + ": termijn D8: field code: listed twice", message);
  }

  @Test
  void anEmptyEntryIsNamedByItsPosition() throws IOException {
    String message = refused(HEAD + termijnen(D8) + "  -\n");
    assertEquals(FILE + ": termijn #2: empty entry", message);
  }

  @Test
  void aMisspelledFieldNamesThePathToIt() throws IOException {
    Map<String, String> rule = without(D8, "termijn");
    rule.put("termjin", "3wd");
    String message = refused(HEAD + termijnen(rule));
    for (String part : new String[] {FILE, "field termijnen", "entry #1", "termjin"}) {
      assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
    }
  }

  @Test
  void oneEventWithoutBracketsIsAskedToBeAList() throws IOException {
    assertEquals(
        FILE + ": field termijnen > entry #1 > field voldaan: expected a list, written [a, b] (also for one value: [a])",
        refused(HEAD + termijnen(with(D8, "voldaan", "WMO302_ONTVANGEN"))));
  }

  @Test
  void everyProblemOfTheFileIsReportedAtOnce() throws IOException {
    String message = refused(
        """
        id: regio-t
        naam: Regio T
        producten:
          - {code: 2A02, naam: Begeleiding, segment: 1A}
        """
            + termijnen(
                with(D8, "termijn", "3dagen", "escalatie", "-1wd"),
                with(D8, "code", "D9", "start", "ZORG_GESTART", "voldaan", "[ZORG_GESTART]")));
    for (String part : new String[] {
      "product 2A02: field code",
      "termijn D8: field termijn: Termijn '3dagen'",
      "termijn D8: field escalatie: -1wd must be positive",
      "termijn D9: field voldaan: contains the start event ZORG_GESTART itself"
    }) {
      assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
    }
    assertEquals(4, message.split("; ").length, message);
  }

  @Test
  void goedeVrijdagAndAnExtraDayMakeThoseDaysFree() throws IOException {
    Regeling regeling = load(HEAD + """
        kalender:
          goedeVrijdag: true
          extraVrijeDagen: [2027-12-31]
        """ + termijnen(D8));
    Werkdagen kalender = regeling.kalender();
    assertFalse(kalender.isWerkdag(LocalDate.of(2025, 4, 18)), "Goede Vrijdag 2025");
    assertFalse(kalender.isWerkdag(LocalDate.of(2027, 12, 31)), "the extra day, a Friday");
    assertTrue(kalender.isWerkdag(LocalDate.of(2027, 12, 30)));
    assertTrue(Werkdagen.nederland().isWerkdag(LocalDate.of(2025, 4, 18)));

    // D8 from Thursday 17 April 2025: Goede Vrijdag and Tweede Paasdag are skipped, so the third
    // werkdag is Thursday 24 April; in the plain Dutch calendar Friday counts and it is Wednesday.
    Termijn drie = regeling.deadlineRule("D8").orElseThrow().termijn();
    assertEquals(LocalDate.of(2025, 4, 24), drie.einde(LocalDate.of(2025, 4, 17), kalender));
    assertEquals(LocalDate.of(2025, 4, 23), drie.einde(LocalDate.of(2025, 4, 17), Werkdagen.nederland()));
  }

  @Test
  void anEmptyKalenderSectionIsTheDutchCalendar() throws IOException {
    assertEquals(Werkdagen.nederland(), load(HEAD + "kalender: {goedeVrijdag: false, extraVrijeDagen: []}\n").kalender());
  }

  @Test
  void aKalenderDayListedTwiceOrAWrongKeyIsRefused() throws IOException {
    assertEquals(
        FILE + ": kalender: field extraVrijeDagen: 2027-12-31 listed twice",
        refused(HEAD + "kalender: {extraVrijeDagen: [2027-12-31, 2027-12-31]}\n"));
    String message = refused(HEAD + "kalender: {goedevrijdag: true}\n");
    assertTrue(message.startsWith(FILE + ": field kalender > field goedevrijdag"), message);
    message = refused(HEAD + "kalender: {extraVrijeDagen: [31-12-2027]}\n");
    assertTrue(message.startsWith(FILE + ": field kalender > field extraVrijeDagen"), message);
  }

  // --- writing rulebooks ---

  private Regeling load(String yaml) throws IOException {
    Files.writeString(folder.resolve(FILE), yaml);
    return Regelingen.load(Optional.of(folder)).find("regio-t").orElseThrow();
  }

  private String refused(String yaml) throws IOException {
    Files.writeString(folder.resolve(FILE), yaml);
    return assertThrows(RegelingException.class, () -> Regelingen.load(Optional.of(folder))).getMessage();
  }

  private static Arguments mistake(Map<String, String> rule, String where, String field, String reason) {
    return Arguments.of(rule, where, field, reason);
  }

  /** Key-value pairs in order, as a rule's fields. */
  private static Map<String, String> fields(String... keysAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) fields.put(keysAndValues[i], keysAndValues[i + 1]);
    return fields;
  }

  private static Map<String, String> with(Map<String, String> rule, String... keysAndValues) {
    Map<String, String> changed = new LinkedHashMap<>(rule);
    changed.putAll(fields(keysAndValues));
    return changed;
  }

  private static Map<String, String> without(Map<String, String> rule, String key) {
    Map<String, String> changed = new LinkedHashMap<>(rule);
    changed.remove(key);
    return changed;
  }

  @SafeVarargs
  private static String termijnen(Map<String, String>... rules) {
    return "termijnen:\n"
        + Stream.of(rules)
            .map(rule -> rule.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n    ", "  - ", "\n")))
            .collect(Collectors.joining());
  }
}
