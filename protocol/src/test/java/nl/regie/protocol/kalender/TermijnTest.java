package nl.regie.protocol.kalender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TermijnTest {

  private static final Werkdagen NL = Werkdagen.nederland();

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3wd", "0wd", "5d", "0d", "2w", "3m", "-8w", "-1wd", "9999d", "-9999m", "12m"})
  void parseAndToStringRoundTrip(String tekst) {
    assertEquals(tekst, Termijn.parse(tekst).toString());
  }

  @Test
  void parseReadsNumberSignAndUnit() {
    assertEquals(Termijn.werkdagen(3), Termijn.parse("3wd"));
    assertEquals(Termijn.dagen(5), Termijn.parse("5d"));
    assertEquals(Termijn.weken(2), Termijn.parse("2w"));
    assertEquals(Termijn.maanden(3), Termijn.parse("3m"));
    assertEquals(new Termijn(-8, Termijn.Eenheid.WEKEN), Termijn.parse("-8w"));
    assertTrue(Termijn.parse("-8w").isNegatief());
    assertFalse(Termijn.parse("0wd").isNegatief());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "3", "wd", "3 wd", " 3wd", "3wd ", "3WD", "+3wd", "03d", "3.5w", "3y", "3dw", "10000d", "--3d", "d3"})
  void parseRefusesAnythingElseAndSaysWhatItExpects(String tekst) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Termijn.parse(tekst));
    assertTrue(e.getMessage().contains("'" + tekst + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("wd (werkdagen)"), e.getMessage());
  }

  @Test
  void parseRefusesMinusZeroAndNull() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Termijn.parse("-0wd")).getMessage().contains("0wd"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Termijn.parse(null)).getMessage().contains("missing"));
    assertThrows(IllegalArgumentException.class, () -> Termijn.dagen(10_000));
    assertThrows(NullPointerException.class, () -> new Termijn(3, null));
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
    // Werkdagen: counted with the calendar, over Christmas 2026.
    "2026-12-23, 3wd, 2026-12-29",
    "2026-03-07, 0wd, 2026-03-09",
    "2026-12-28, -1wd, 2026-12-24",
    // A month from 31 January ends on the last day of February...
    "2024-01-31, 1m, 2024-02-29",
    // ...and when that is a Saturday (28 February 2026), on the Monday after (Atw art. 1).
    "2026-01-31, 1m, 2026-03-02",
    "2026-03-31, 1m, 2026-04-30",
    // Six weeks ending on Tweede Kerstdag (Friday 26 December 2025) run on to Monday 29 December.
    "2025-11-14, 6w, 2025-12-29",
    "2025-11-13, 6w, 2025-12-29",
    "2025-11-12, 6w, 2025-12-24",
    // Five days ending on Bevrijdingsdag 2026.
    "2026-04-30, 5d, 2026-05-06",
    "2026-05-01, 5d, 2026-05-06",
    // Three days from a Friday end on Monday, but must hold two werkdagen (Atw art. 2): Tuesday.
    "2026-01-09, 3d, 2026-01-13",
    // Three days from Tuesday 23 December 2025 end on Tweede Kerstdag: art. 1 moves them to the 29th.
    "2025-12-23, 3d, 2025-12-29",
    // Two days are under the art. 2 minimum: only art. 1 applies.
    "2026-01-09, 2d, 2026-01-12",
    "2026-03-07, 0d, 2026-03-09",
    // Negative calendar termijnen are exact dates, even on a weekend or a feestdag.
    "2026-02-28, -8w, 2026-01-03",
    "2027-02-19, -8w, 2026-12-25",
    "2026-03-31, -1m, 2026-02-28",
    "2026-03-09, -2d, 2026-03-07",
  })
  void einde(LocalDate vanaf, String termijn, LocalDate verwacht) {
    assertEquals(verwacht, Termijn.parse(termijn).einde(vanaf, NL));
  }

  @Test
  void eindeUsesTheCalendarItIsGiven() {
    Werkdagen metGoedeVrijdag = NL.withGoedeVrijdag(true);
    // Eight days from Thursday 26 March 2026 end on Goede Vrijdag 3 April.
    assertEquals(d("2026-04-03"), Termijn.parse("8d").einde(d("2026-03-26"), NL));
    assertEquals(d("2026-04-07"), Termijn.parse("8d").einde(d("2026-03-26"), metGoedeVrijdag));
    Werkdagen gemeente = NL.withExtraVrijeDagen(Set.of(d("2026-12-31")));
    assertEquals(d("2027-01-04"), Termijn.parse("1wd").einde(d("2026-12-30"), gemeente));
    assertEquals(d("2027-01-04"), Termijn.parse("1d").einde(d("2026-12-30"), gemeente));
  }

  @Test
  void aPositiveTermijnNeverEndsBeforeItsStartAndAlwaysOnAWerkdag() {
    LocalDate start = d("2025-01-01");
    for (String tekst : List.of("0wd", "1wd", "3wd", "0d", "1d", "3d", "5d", "2w", "6w", "1m", "3m")) {
      Termijn termijn = Termijn.parse(tekst);
      for (int i = 0; i < 800; i++) {
        LocalDate vanaf = start.plusDays(i);
        LocalDate einde = termijn.einde(vanaf, NL);
        assertTrue(NL.isWerkdag(einde), tekst + " from " + vanaf + " ends on " + einde);
        assertFalse(einde.isBefore(vanaf), tekst + " from " + vanaf);
      }
    }
  }

  record Regel(String code, Termijn termijn, Termijn waarschuwing) {}

  @Test
  void jacksonReadsAndWritesTheTextForm() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Regel regel = yaml.readValue("code: D19\ntermijn: 3wd\nwaarschuwing: -8w\n", Regel.class);
    assertEquals(new Regel("D19", Termijn.werkdagen(3), Termijn.weken(-8)), regel);

    ObjectMapper json = new ObjectMapper();
    assertEquals("{\"code\":\"D19\",\"termijn\":\"3wd\",\"waarschuwing\":\"-8w\"}", json.writeValueAsString(regel));
    assertEquals(regel, json.readValue(json.writeValueAsString(regel), Regel.class));
  }

  @Test
  void jacksonReportsABadTermijnWithOurMessage() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    DatabindException e =
        assertThrows(DatabindException.class, () -> yaml.readValue("code: D4\ntermijn: 5 werkdagen\n", Regel.class));
    assertTrue(e.getMessage().contains("Termijn '5 werkdagen'"), e.getMessage());
  }
}
