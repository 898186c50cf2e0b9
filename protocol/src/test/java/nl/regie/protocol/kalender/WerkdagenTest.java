package nl.regie.protocol.kalender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WerkdagenTest {

  private static final Werkdagen NL = Werkdagen.nederland();

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void weekendsAndFeestdagenAreNotWerkdagen() {
    assertTrue(NL.isWerkdag(d("2026-03-04")), "a Wednesday");
    assertFalse(NL.isWerkdag(d("2026-03-07")), "a Saturday");
    assertFalse(NL.isWerkdag(d("2026-03-08")), "a Sunday");
    assertFalse(NL.isWerkdag(d("2026-01-01")), "Nieuwjaarsdag");
    assertFalse(NL.isWerkdag(d("2026-04-06")), "Tweede Paasdag");
    assertFalse(NL.isWerkdag(d("2026-04-27")), "Koningsdag");
    assertFalse(NL.isWerkdag(d("2026-05-05")), "Bevrijdingsdag");
    assertFalse(NL.isWerkdag(d("2027-05-06")), "Hemelvaartsdag 2027");
    assertFalse(NL.isWerkdag(d("2026-05-25")), "Tweede Pinksterdag 2026");
    assertFalse(NL.isWerkdag(d("2026-12-25")), "Eerste Kerstdag");
    assertTrue(NL.isWerkdag(d("2026-04-03")), "Goede Vrijdag is a werkdag under the Atw");
    assertTrue(NL.isWerkdag(d("2025-04-28")), "the Monday after Koningsdag on Saturday 26 April 2025");
  }

  @Test
  void werkdagenIn2026CountedByHand() {
    // 2026 starts on a Thursday: 261 weekdays. Weekday feestdagen: 1 Jan, 6 Apr, 27 Apr, 5 May,
    // 14 May, 25 May, 25 Dec (26 Dec is a Saturday). 1 January is excluded as the start.
    assertEquals(261 - 1 - 6, NL.werkdagenTussen(d("2026-01-01"), d("2026-12-31")));
    assertEquals(261 - 7, NL.werkdagenTussen(d("2025-12-31"), d("2026-12-31")));
  }

  @ParameterizedTest(name = "{0} + {1} wd = {2}")
  @CsvSource({
    // Christmas 2026: Thursday 24 December, Kerst on Friday and Saturday.
    "2026-12-24, 1, 2026-12-28",
    "2026-12-24, 2, 2026-12-29",
    // Christmas 2025: Kerst on Thursday and Friday.
    "2025-12-24, 1, 2025-12-29",
    "2025-12-23, 3, 2025-12-30",
    // Christmas 2027 falls on the weekend: nothing extra is lost.
    "2027-12-24, 1, 2027-12-27",
    // Over the year end and Nieuwjaarsdag 2027 (a Friday).
    "2026-12-31, 1, 2027-01-04",
    // Easter 2026: Tweede Paasdag 6 April; Goede Vrijdag is a werkdag by default.
    "2026-04-02, 1, 2026-04-03",
    "2026-04-02, 2, 2026-04-07",
    "2026-04-03, 1, 2026-04-07",
    // Koningsdag and Bevrijdingsdag 2026, then Hemelvaart (14 May).
    "2026-04-24, 1, 2026-04-28",
    "2026-05-04, 1, 2026-05-06",
    "2026-05-13, 1, 2026-05-15",
    // Received on Saturday or Friday: the same deadline.
    "2026-03-06, 3, 2026-03-11",
    "2026-03-07, 3, 2026-03-11",
    // n = 0: the same day if it is a werkdag, else the next one (MO: "dezelfde werkdag of de
    // eerste werkdag na het weekend").
    "2026-03-06, 0, 2026-03-06",
    "2026-03-07, 0, 2026-03-09",
    "2026-12-25, 0, 2026-12-28",
    // Negative n counts back.
    "2026-12-28, -1, 2026-12-24",
    "2027-01-04, -2, 2026-12-30",
  })
  void plusWerkdagen(LocalDate van, int n, LocalDate verwacht) {
    assertEquals(verwacht, NL.plusWerkdagen(van, n));
  }

  @ParameterizedTest(name = "{0} - {1} wd = {2}")
  @CsvSource({
    "2026-12-28, 1, 2026-12-24",
    "2026-04-07, 1, 2026-04-03",
    "2026-04-07, 2, 2026-04-02",
    "2027-01-04, 1, 2026-12-31",
    "2026-03-09, 0, 2026-03-09",
    "2026-03-08, 0, 2026-03-06",
    "2026-03-08, 1, 2026-03-06",
    "2026-03-06, -3, 2026-03-11",
  })
  void minusWerkdagen(LocalDate van, int n, LocalDate verwacht) {
    assertEquals(verwacht, NL.minusWerkdagen(van, n));
  }

  @Test
  void goedeVrijdagCanBeSwitchedOn() {
    Werkdagen metGoedeVrijdag = NL.withGoedeVrijdag(true);
    assertFalse(metGoedeVrijdag.isWerkdag(d("2026-04-03")));
    assertEquals(d("2026-04-07"), metGoedeVrijdag.plusWerkdagen(d("2026-04-02"), 1));
    assertEquals(d("2026-04-02"), metGoedeVrijdag.minusWerkdagen(d("2026-04-07"), 1));
    assertTrue(NL.isWerkdag(d("2026-04-03")), "the original calendar is unchanged");
    assertTrue(metGoedeVrijdag.withGoedeVrijdag(false).isWerkdag(d("2026-04-03")));
    assertSame(NL, NL.withGoedeVrijdag(false));
  }

  @Test
  void extraVrijeDagenAreNotWerkdagen() {
    // A gemeente closed on Oudjaarsdag and the Friday after Hemelvaart.
    Werkdagen gemeente = NL.withExtraVrijeDagen(List.of(d("2026-12-31"), d("2026-05-15")));
    assertFalse(gemeente.isWerkdag(d("2026-12-31")));
    assertEquals(d("2027-01-04"), gemeente.plusWerkdagen(d("2026-12-30"), 1));
    assertEquals(d("2026-05-18"), gemeente.plusWerkdagen(d("2026-05-13"), 1));
    assertEquals(d("2026-12-31"), NL.plusWerkdagen(d("2026-12-30"), 1));
    assertEquals(NL.werkdagenTussen(d("2025-12-31"), d("2026-12-31")) - 2, gemeente.werkdagenTussen(d("2025-12-31"), d("2026-12-31")));
  }

  @Test
  void extraVrijeDagenReplaceAndAreCopied() {
    List<LocalDate> dagen = new ArrayList<>(List.of(d("2026-12-31")));
    Werkdagen gemeente = NL.withExtraVrijeDagen(dagen);
    dagen.add(d("2026-12-30"));
    assertTrue(gemeente.isWerkdag(d("2026-12-30")), "changing the list afterwards changes nothing");
    Werkdagen anders = gemeente.withExtraVrijeDagen(Set.of(d("2026-12-30")));
    assertTrue(anders.isWerkdag(d("2026-12-31")), "with… replaces the extra days");
    assertFalse(anders.isWerkdag(d("2026-12-30")));
    assertThrows(UnsupportedOperationException.class, () -> gemeente.extraVrijeDagen().add(d("2026-01-02")));
  }

  @Test
  void volgendeEnVorigeWerkdag() {
    assertEquals(d("2026-03-06"), NL.volgendeWerkdag(d("2026-03-06")));
    assertEquals(d("2026-03-09"), NL.volgendeWerkdag(d("2026-03-07")));
    assertEquals(d("2026-12-28"), NL.volgendeWerkdag(d("2026-12-25")));
    assertEquals(d("2026-12-24"), NL.vorigeWerkdag(d("2026-12-27")));
    assertEquals(d("2026-03-06"), NL.vorigeWerkdag(d("2026-03-06")));
  }

  @Test
  void werkdagenTussenCountsTheHalfOpenInterval() {
    assertEquals(0, NL.werkdagenTussen(d("2026-03-06"), d("2026-03-06")));
    assertEquals(1, NL.werkdagenTussen(d("2026-03-06"), d("2026-03-09")), "Friday to Monday");
    assertEquals(0, NL.werkdagenTussen(d("2026-03-06"), d("2026-03-08")), "Friday to Sunday");
    assertEquals(-1, NL.werkdagenTussen(d("2026-03-09"), d("2026-03-06")), "backwards is negative");
    assertEquals(1, NL.werkdagenTussen(d("2026-12-24"), d("2026-12-28")), "over Christmas");
  }

  /** The indexed answers agree with walking day by day, over many random intervals. */
  @Test
  void indexedAnswersAgreeWithADayByDayWalk() {
    Werkdagen[] kalenders = {
      NL,
      NL.withGoedeVrijdag(true),
      NL.withExtraVrijeDagen(List.of(d("2026-12-31"), d("2027-01-02"), d("2024-02-29"), d("2030-06-14")))
    };
    Random random = new Random(20260101);
    for (Werkdagen kalender : kalenders) {
      for (int i = 0; i < 2_000; i++) {
        LocalDate van = d("2022-01-01").plusDays(random.nextInt(3_650));
        int n = random.nextInt(600) - 300;
        LocalDate verwacht = lopen(kalender, van, n);
        assertEquals(verwacht, kalender.plusWerkdagen(van, n), kalender + " " + van + " + " + n);
        assertEquals(lopenTerug(kalender, van, n), kalender.minusWerkdagen(van, n), kalender + " " + van + " - " + n);
        LocalDate tot = van.plusDays(random.nextInt(900) - 450);
        assertEquals(tellen(kalender, van, tot), kalender.werkdagenTussen(van, tot), van + " .. " + tot);
        if (n > 0) assertEquals(n, kalender.werkdagenTussen(van, verwacht));
        if (n > 0 && kalender.isWerkdag(van)) assertEquals(van, kalender.minusWerkdagen(verwacht, n));
      }
    }
  }

  /** The reference: steps one day at a time, asking only whether a day is a weekend or feestdag. */
  private static boolean vrij(Werkdagen kalender, LocalDate dag) {
    return dag.getDayOfWeek() == DayOfWeek.SATURDAY
        || dag.getDayOfWeek() == DayOfWeek.SUNDAY
        || kalender.feestdagen(dag.getYear()).contains(dag);
  }

  private static LocalDate lopen(Werkdagen kalender, LocalDate van, int n) {
    if (n < 0) return lopenTerug(kalender, van, -n);
    LocalDate dag = van;
    if (n == 0) {
      while (vrij(kalender, dag)) dag = dag.plusDays(1);
      return dag;
    }
    for (int gevonden = 0; gevonden < n; ) {
      dag = dag.plusDays(1);
      if (!vrij(kalender, dag)) gevonden++;
    }
    return dag;
  }

  private static LocalDate lopenTerug(Werkdagen kalender, LocalDate van, int n) {
    if (n < 0) return lopen(kalender, van, -n);
    LocalDate dag = van;
    if (n == 0) {
      while (vrij(kalender, dag)) dag = dag.minusDays(1);
      return dag;
    }
    for (int gevonden = 0; gevonden < n; ) {
      dag = dag.minusDays(1);
      if (!vrij(kalender, dag)) gevonden++;
    }
    return dag;
  }

  private static int tellen(Werkdagen kalender, LocalDate van, LocalDate tot) {
    if (tot.isBefore(van)) return -tellen(kalender, tot, van);
    int aantal = 0;
    for (LocalDate dag = van.plusDays(1); !dag.isAfter(tot); dag = dag.plusDays(1)) {
      if (!vrij(kalender, dag)) aantal++;
    }
    return aantal;
  }

  @Test
  void longSpansCrossManyYears() {
    LocalDate van = d("2000-01-03");
    LocalDate tot = NL.plusWerkdagen(van, 25_000);
    assertEquals(25_000, NL.werkdagenTussen(van, tot));
    assertEquals(van, NL.minusWerkdagen(tot, 25_000));
  }

  @Test
  void yearsOutsideTheSupportedRangeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> NL.isWerkdag(d("1582-12-31")));
    assertThrows(IllegalArgumentException.class, () -> NL.isWerkdag(LocalDate.of(10_000, 1, 3)));
    assertThrows(IllegalArgumentException.class, () -> NL.plusWerkdagen(d("9999-12-30"), 5));
    assertThrows(IllegalArgumentException.class, () -> NL.plusWerkdagen(d("2026-01-01"), Integer.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> NL.feestdagen(1500));
    assertThrows(IllegalArgumentException.class, () -> NL.plusWerkdagen(d("2026-01-01"), Integer.MIN_VALUE));
    assertThrows(IllegalArgumentException.class, () -> NL.minusWerkdagen(d("2026-01-01"), Integer.MAX_VALUE));
  }

  @Test
  void calendarsWithTheSameSettingsAreEqual() {
    assertEquals(NL.withGoedeVrijdag(true), Werkdagen.nederland().withGoedeVrijdag(true));
    assertEquals(
        NL.withExtraVrijeDagen(List.of(d("2026-12-31"))).hashCode(),
        NL.withExtraVrijeDagen(Set.of(d("2026-12-31"))).hashCode());
    assertNotEquals(NL, NL.withGoedeVrijdag(true));
  }

  @Test
  void concurrentQueriesGiveTheSameAnswersAsSequentialOnes() {
    Werkdagen vers = NL.withGoedeVrijdag(true); // a fresh calendar, so threads race to fill the cache
    Werkdagen referentie = NL.withGoedeVrijdag(true);
    List<LocalDate> parallel =
        IntStream.range(0, 20_000)
            .parallel()
            .mapToObj(i -> vers.plusWerkdagen(d("1990-01-01").plusDays(i * 3L), i % 50))
            .toList();
    for (int i = 0; i < 20_000; i++) {
      assertEquals(referentie.plusWerkdagen(d("1990-01-01").plusDays(i * 3L), i % 50), parallel.get(i));
    }
  }
}
