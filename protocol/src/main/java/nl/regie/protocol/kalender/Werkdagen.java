package nl.regie.protocol.kalender;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Dutch working-day calendar of the Algemene termijnenwet (art. 3): a werkdag is a day that is
 * not a Saturday, not a Sunday and not an algemeen erkende feestdag (Nieuwjaarsdag, Tweede Paasdag,
 * Koningsdag, Bevrijdingsdag 5 mei, Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag;
 * see {@link Feestdag}). Goede Vrijdag and extra free days (a gemeente's closing days, a local
 * holiday) can be switched on, because which days count is a regional agreement, not only law.
 *
 * <p>Instances are immutable and thread-safe; the {@code with…} methods return new calendars. Each
 * calendar computes a year the first time it is asked about it and keeps it, so queries cost an
 * array look-up (a binary search for {@link #plusWerkdagen}). Supported years are 1583 (the first
 * Gregorian Easter) to 9999; a query or a result outside them throws {@link
 * IllegalArgumentException}.
 *
 * <p>Two calendars are equal when they have the same settings.
 */
public final class Werkdagen {

  static final int LAATSTE_JAAR = 9999;
  private static final int DAGEN_PER_JAAR = 366;

  private static final Werkdagen NEDERLAND = new Werkdagen(false, Set.of());

  private final boolean goedeVrijdag;
  private final Set<LocalDate> extraVrijeDagen;
  private final ConcurrentMap<Integer, Jaar> jaren = new ConcurrentHashMap<>();

  private Werkdagen(boolean goedeVrijdag, Set<LocalDate> extraVrijeDagen) {
    this.goedeVrijdag = goedeVrijdag;
    this.extraVrijeDagen = extraVrijeDagen;
  }

  /** The calendar of the Algemene termijnenwet exactly: no Goede Vrijdag, no extra days. */
  public static Werkdagen nederland() {
    return NEDERLAND;
  }

  /** This calendar with Goede Vrijdag free ({@code true}) or a werkdag ({@code false}). */
  public Werkdagen withGoedeVrijdag(boolean vrij) {
    return vrij == goedeVrijdag ? this : new Werkdagen(vrij, extraVrijeDagen);
  }

  /**
   * This calendar with exactly {@code dagen} as its extra free days, replacing any it had (to add,
   * pass the union with {@link #extraVrijeDagen()}). The collection is copied. Days on a weekend or
   * a feestdag are allowed and change nothing.
   *
   * @throws NullPointerException if {@code dagen} or one of its elements is null
   */
  public Werkdagen withExtraVrijeDagen(Collection<LocalDate> dagen) {
    return new Werkdagen(goedeVrijdag, Set.copyOf(dagen));
  }

  /** Whether Goede Vrijdag is a free day in this calendar. */
  public boolean goedeVrijdag() {
    return goedeVrijdag;
  }

  /** The extra free days of this calendar (unmodifiable). */
  public Set<LocalDate> extraVrijeDagen() {
    return extraVrijeDagen;
  }

  /** Easter Sunday of {@code year} (Gregorian computus). Throws for years before 1583. */
  public static LocalDate pasen(int year) {
    return Pasen.zondag(year);
  }

  /**
   * The free days of {@code year} other than ordinary weekends, in date order: the feestdagen of
   * {@link Feestdag} (Goede Vrijdag only if this calendar has it) and the extra free days that fall
   * in that year. A feestdag that falls on a weekend is included. Unmodifiable.
   */
  public SortedSet<LocalDate> feestdagen(int year) {
    checkJaar(year);
    SortedSet<LocalDate> dagen = new TreeSet<>();
    for (Feestdag feestdag : feestdagSoorten()) dagen.add(feestdag.datum(year));
    for (LocalDate dag : extraVrijeDagen) {
      if (dag.getYear() == year) dagen.add(dag);
    }
    return Collections.unmodifiableSortedSet(dagen);
  }

  private Set<Feestdag> feestdagSoorten() {
    Set<Feestdag> soorten = EnumSet.allOf(Feestdag.class);
    if (!goedeVrijdag) soorten.remove(Feestdag.GOEDE_VRIJDAG);
    return soorten;
  }

  /** Whether {@code dag} is a werkdag: not a Saturday, Sunday, feestdag or extra free day. */
  public boolean isWerkdag(LocalDate dag) {
    return jaar(dag.getYear()).isWerkdag(dag.getDayOfYear());
  }

  /** {@code dag} itself if it is a werkdag, otherwise the first werkdag after it. */
  public LocalDate volgendeWerkdag(LocalDate dag) {
    return isWerkdag(dag) ? dag : naVanaf(dag, 1);
  }

  /** {@code dag} itself if it is a werkdag, otherwise the last werkdag before it. */
  public LocalDate vorigeWerkdag(LocalDate dag) {
    return isWerkdag(dag) ? dag : voorVanaf(dag, 1);
  }

  /**
   * The {@code n}-th werkdag after {@code from}, where {@code from} itself never counts: "within 3
   * werkdagen after receipt on Friday" ends on Wednesday. Whether {@code from} is a werkdag does not
   * matter, so a message received on Saturday has the same deadline as one received on Friday.
   *
   * <ul>
   *   <li>{@code n > 0}: the werkdag {@code d > from} with exactly {@code n} werkdagen in {@code
   *       (from, d]}; so {@code werkdagenTussen(from, plusWerkdagen(from, n)) == n}.
   *   <li>{@code n == 0}: {@link #volgendeWerkdag(LocalDate) volgendeWerkdag(from)}, i.e. the same
   *       day if it is a werkdag ("the same werkdag, or the first werkdag after the weekend").
   *   <li>{@code n < 0}: {@link #minusWerkdagen(LocalDate, int) minusWerkdagen(from, -n)}.
   * </ul>
   */
  public LocalDate plusWerkdagen(LocalDate from, int n) {
    if (n > 0) return naVanaf(from, n);
    if (n == 0) return volgendeWerkdag(from);
    return voorVanaf(from, -(long) n);
  }

  /**
   * The mirror of {@link #plusWerkdagen}: for {@code n > 0} the {@code n}-th werkdag before {@code
   * from} ({@code from} itself never counts); for {@code n == 0} {@link #vorigeWerkdag(LocalDate)
   * vorigeWerkdag(from)}; for {@code n < 0} {@code plusWerkdagen(from, -n)}. For a werkdag {@code
   * d}, {@code minusWerkdagen(plusWerkdagen(d, n), n) == d}.
   */
  public LocalDate minusWerkdagen(LocalDate from, int n) {
    if (n > 0) return voorVanaf(from, n);
    if (n == 0) return vorigeWerkdag(from);
    return naVanaf(from, -(long) n);
  }

  /**
   * The number of werkdagen {@code d} with {@code fromExclusive < d <= toInclusive}: how many
   * werkdagen have passed since {@code fromExclusive} by the end of {@code toInclusive}. Zero when
   * the dates are equal; negative (minus the count of {@code (toInclusive, fromExclusive]}) when
   * {@code toInclusive} is before {@code fromExclusive}.
   */
  public int werkdagenTussen(LocalDate fromExclusive, LocalDate toInclusive) {
    if (toInclusive.isBefore(fromExclusive)) return -werkdagenTussen(toInclusive, fromExclusive);
    Jaar van = jaar(fromExclusive.getYear());
    Jaar tot = jaar(toInclusive.getYear());
    if (van == tot) {
      return tot.totEnMet(toInclusive.getDayOfYear()) - van.totEnMet(fromExclusive.getDayOfYear());
    }
    int aantal = van.totaal() - van.totEnMet(fromExclusive.getDayOfYear());
    for (int j = van.jaar() + 1; j < tot.jaar(); j++) aantal += jaar(j).totaal();
    return aantal + tot.totEnMet(toInclusive.getDayOfYear());
  }

  /** The n-th werkdag strictly after {@code from}, n >= 1. */
  private LocalDate naVanaf(LocalDate from, long n) {
    Jaar jaar = jaar(from.getYear());
    // Position of the wanted werkdag counted from 1 January of from's year; from itself is passed.
    long nummer = jaar.totEnMet(from.getDayOfYear()) + n;
    // Refuse a hopeless n before computing (and caching) every year up to the last one.
    if (nummer > (long) (LAATSTE_JAAR - jaar.jaar() + 1) * DAGEN_PER_JAAR) buitenBereik(from, n);
    while (nummer > jaar.totaal()) {
      nummer -= jaar.totaal();
      jaar = jaar(jaar.jaar() + 1);
    }
    return jaar.werkdagNummer((int) nummer);
  }

  /** The n-th werkdag strictly before {@code from}, n >= 1. */
  private LocalDate voorVanaf(LocalDate from, long n) {
    Jaar jaar = jaar(from.getYear());
    int dag = from.getDayOfYear();
    long nummer = jaar.totEnMet(dag - 1) - n + 1; // werkdagen before from, minus n, plus one
    if (-nummer > (long) (jaar.jaar() - Pasen.EERSTE_JAAR) * DAGEN_PER_JAAR) buitenBereik(from, -n);
    while (nummer < 1) {
      jaar = jaar(jaar.jaar() - 1);
      nummer += jaar.totaal();
    }
    return jaar.werkdagNummer((int) nummer);
  }

  private Jaar jaar(int year) {
    checkJaar(year);
    return jaren.computeIfAbsent(year, this::bereken);
  }

  private Jaar bereken(int year) {
    return Jaar.bereken(year, feestdagen(year));
  }

  private static void buitenBereik(LocalDate from, long n) {
    throw new IllegalArgumentException(
        "Werkdagen: " + from + (n < 0 ? " - " + -n : " + " + n) + " werkdagen falls outside "
            + Pasen.EERSTE_JAAR + "–" + LAATSTE_JAAR);
  }

  private static void checkJaar(int year) {
    if (year < Pasen.EERSTE_JAAR || year > LAATSTE_JAAR) {
      throw new IllegalArgumentException(
          "Werkdagen: year " + year + " is outside " + Pasen.EERSTE_JAAR + "–" + LAATSTE_JAAR);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Werkdagen other
        && goedeVrijdag == other.goedeVrijdag
        && extraVrijeDagen.equals(other.extraVrijeDagen);
  }

  @Override
  public int hashCode() {
    return Objects.hash(goedeVrijdag, extraVrijeDagen);
  }

  @Override
  public String toString() {
    return "Werkdagen[goedeVrijdag=" + goedeVrijdag + ", extraVrijeDagen=" + new TreeSet<>(extraVrijeDagen) + "]";
  }
}
