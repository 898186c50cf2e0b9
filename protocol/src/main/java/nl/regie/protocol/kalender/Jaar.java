package nl.regie.protocol.kalender;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.Set;

/**
 * One year of one calendar, as a running count of werkdagen, so that "is this a werkdag", "how many
 * werkdagen between" and "the n-th werkdag after" are array look-ups instead of day-by-day walks.
 * Immutable once built.
 */
final class Jaar {

  private final int jaar;

  /**
   * {@code totEnMet[d]} is the number of werkdagen on days 1..d of the year (day of year, 1-based);
   * {@code totEnMet[0]} is 0. Day d is a werkdag exactly when {@code totEnMet[d] > totEnMet[d - 1]}.
   */
  private final int[] totEnMet;

  private Jaar(int jaar, int[] totEnMet) {
    this.jaar = jaar;
    this.totEnMet = totEnMet;
  }

  /** Builds year {@code jaar}, where weekends and {@code vrijeDagen} are not werkdagen. */
  static Jaar bereken(int jaar, Set<LocalDate> vrijeDagen) {
    int lengte = Year.of(jaar).length();
    int[] totEnMet = new int[lengte + 1];
    LocalDate dag = LocalDate.of(jaar, 1, 1);
    for (int d = 1; d <= lengte; d++, dag = dag.plusDays(1)) {
      boolean werkdag =
          dag.getDayOfWeek() != DayOfWeek.SATURDAY
              && dag.getDayOfWeek() != DayOfWeek.SUNDAY
              && !vrijeDagen.contains(dag);
      totEnMet[d] = totEnMet[d - 1] + (werkdag ? 1 : 0);
    }
    return new Jaar(jaar, totEnMet);
  }

  int jaar() {
    return jaar;
  }

  boolean isWerkdag(int dagVanJaar) {
    return totEnMet[dagVanJaar] > totEnMet[dagVanJaar - 1];
  }

  /** Werkdagen on days 1..dagVanJaar; 0 for dagVanJaar 0. */
  int totEnMet(int dagVanJaar) {
    return totEnMet[dagVanJaar];
  }

  /** Werkdagen in the whole year. */
  int totaal() {
    return totEnMet[totEnMet.length - 1];
  }

  /** The date of the {@code k}-th werkdag of the year, 1 &lt;= k &lt;= {@link #totaal()}. */
  LocalDate werkdagNummer(int k) {
    if (k < 1 || k > totaal()) {
      throw new IllegalArgumentException("werkdag " + k + " of " + jaar + " (which has " + totaal() + ")");
    }
    // The first day whose running count reaches k is the k-th werkdag (counts rise by one on werkdagen).
    int gevonden = Arrays.binarySearch(totEnMet, k);
    while (totEnMet[gevonden - 1] == k) gevonden--; // binarySearch may land on any day with that count
    return LocalDate.ofYearDay(jaar, gevonden);
  }
}
