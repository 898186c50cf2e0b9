package nl.regie.protocol.kalender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeestdagTest {

  @ParameterizedTest(name = "Pasen {0} is {1}")
  @CsvSource({
    "1583, 1583-04-10",
    "1818, 1818-03-22",
    "1943, 1943-04-25",
    "2000, 2000-04-23",
    "2019, 2019-04-21",
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2038, 2038-04-25",
    "2285, 2285-03-22",
  })
  void pasenOnKnownDates(int jaar, LocalDate pasen) {
    assertEquals(pasen, Werkdagen.pasen(jaar));
  }

  @Test
  void pasenIsASundayBetween22MarchAnd25AprilInEverySupportedYear() {
    for (int jaar = 1583; jaar <= Werkdagen.LAATSTE_JAAR; jaar++) {
      LocalDate pasen = Werkdagen.pasen(jaar);
      assertEquals(DayOfWeek.SUNDAY, pasen.getDayOfWeek(), "Pasen " + jaar);
      assertFalse(pasen.isBefore(LocalDate.of(jaar, 3, 22)), "Pasen " + jaar + " too early: " + pasen);
      assertFalse(pasen.isAfter(LocalDate.of(jaar, 4, 25)), "Pasen " + jaar + " too late: " + pasen);
    }
  }

  @Test
  void pasenBeforeTheGregorianCalendarIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Werkdagen.pasen(1582));
    assertTrue(e.getMessage().contains("1582"), e.getMessage());
  }

  @Test
  void movableFeastsFollowEaster() {
    assertEquals(LocalDate.of(2027, 5, 6), Feestdag.HEMELVAARTSDAG.datum(2027));
    assertEquals(LocalDate.of(2026, 5, 25), Feestdag.TWEEDE_PINKSTERDAG.datum(2026));
    assertEquals(LocalDate.of(2026, 4, 6), Feestdag.TWEEDE_PAASDAG.datum(2026));
    assertEquals(LocalDate.of(2026, 4, 3), Feestdag.GOEDE_VRIJDAG.datum(2026));
    for (int jaar = 1583; jaar <= Werkdagen.LAATSTE_JAAR; jaar++) {
      assertEquals(DayOfWeek.THURSDAY, Feestdag.HEMELVAARTSDAG.datum(jaar).getDayOfWeek(), "Hemelvaart " + jaar);
      assertEquals(DayOfWeek.MONDAY, Feestdag.TWEEDE_PINKSTERDAG.datum(jaar).getDayOfWeek(), "Pinksteren " + jaar);
      assertEquals(DayOfWeek.FRIDAY, Feestdag.GOEDE_VRIJDAG.datum(jaar).getDayOfWeek(), "Goede Vrijdag " + jaar);
    }
  }

  @ParameterizedTest(name = "Koningsdag {0} is {1}")
  @CsvSource({
    "2025, 2025-04-26", // 27 April 2025 was a Sunday
    "2014, 2014-04-26", // the first Koningsdag: 27 April 2014 was a Sunday too
    "2026, 2026-04-27",
    "2013, 2013-04-30", // the last Koninginnedag
    "2006, 2006-04-29", // 30 April 2006 was a Sunday
    "1989, 1989-04-29", // and so was 30 April 1989
  })
  void koningsdag(int jaar, LocalDate dag) {
    assertEquals(dag, Feestdag.KONINGSDAG.datum(jaar));
  }

  @Test
  void koningsdagNeverFallsOnASunday() {
    for (int jaar = 1583; jaar <= Werkdagen.LAATSTE_JAAR; jaar++) {
      assertFalse(Feestdag.KONINGSDAG.datum(jaar).getDayOfWeek() == DayOfWeek.SUNDAY, "Koningsdag " + jaar);
    }
  }

  @Test
  void feestdagenOf2026AreTheAtwDaysInDateOrder() {
    assertEquals(
        List.of(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 4, 27),
            LocalDate.of(2026, 5, 5),
            LocalDate.of(2026, 5, 14),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 26)),
        List.copyOf(Werkdagen.nederland().feestdagen(2026)));
  }

  @Test
  void feestdagenIncludeGoedeVrijdagAndExtraDaysOnlyWhenConfigured() {
    Werkdagen kalender =
        Werkdagen.nederland()
            .withGoedeVrijdag(true)
            .withExtraVrijeDagen(Set.of(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 4)));
    Set<LocalDate> dagen = kalender.feestdagen(2026);
    assertEquals(10, dagen.size());
    assertTrue(dagen.contains(LocalDate.of(2026, 4, 3)));
    assertTrue(dagen.contains(LocalDate.of(2026, 12, 31)));
    assertFalse(dagen.contains(LocalDate.of(2027, 1, 4)), "an extra day belongs to its own year");
    assertFalse(Werkdagen.nederland().feestdagen(2026).contains(LocalDate.of(2026, 4, 3)));
  }

  @Test
  void koningsdag2025IsTheSaturdayNotTheSunday() {
    Set<LocalDate> dagen = Werkdagen.nederland().feestdagen(2025);
    assertTrue(dagen.contains(LocalDate.of(2025, 4, 26)));
    assertFalse(dagen.contains(LocalDate.of(2025, 4, 27)));
  }
}
