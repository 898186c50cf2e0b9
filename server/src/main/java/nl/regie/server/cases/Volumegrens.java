package nl.regie.server.cases;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.cases.Omvang;

/**
 * How much a toewijzing's omvang lets an aanbieder declare (TR321, TR322, IV078). Volumes are
 * compared in "basis" units: minutes under a toewijzing in hours (the one other unit TR341 and
 * IV081 allow), the toewijzing's own unit otherwise. A period counts whole: a week, month or day
 * the period only touches allows its full volume (IV078: "de volledige 3 uur").
 */
final class Volumegrens {

  /** TR321: huishoudelijke hulp per week may shift hours between weeks, up to six times the volume. */
  private static final int HUISHOUDEN_PER_WEEK_MAXIMAAL = 6;

  private Volumegrens() {}

  /** TR341: the unit of the prestatie is the toewijzing's, or minutes under hours (IV081). */
  static boolean past(Eenheid geleverd, Eenheid toegewezen) {
    return geleverd == toegewezen || (toegewezen == Eenheid.UUR && geleverd == Eenheid.MINUUT);
  }

  /** {@code volume} in {@code eenheid}, in the basis unit of a toewijzing in {@code toegewezen}. */
  static long inBasis(long volume, Eenheid eenheid, Eenheid toegewezen) {
    if (toegewezen == Eenheid.UUR && eenheid == Eenheid.UUR) return Math.multiplyExact(volume, 60);
    return volume;
  }

  /**
   * TR321: the most one prestatie over its productperiode may hold, in basis units: the volume per
   * frequentie for every frequentie period the productperiode touches within the toewijzing; the
   * whole volume for "totaal binnen geldigheidsduur"; six times a week's volume for huishoudelijke
   * hulp per week.
   */
  static long perPrestatie(Toewijzing t, LocalDate begin, LocalDate eind) {
    Omvang omvang = t.omvang();
    LocalDate van = begin.isBefore(t.ingangsdatum()) ? t.ingangsdatum() : begin;
    LocalDate tot = t.einddatum() != null && eind.isAfter(t.einddatum()) ? t.einddatum() : eind;
    if (tot.isBefore(van)) return 0;
    long perioden = omvang.frequentie() == Frequentie.PER_WEEK && t.product().startsWith("01")
        ? HUISHOUDEN_PER_WEEK_MAXIMAAL
        : perioden(omvang.frequentie(), van, tot);
    return inBasis(Math.multiplyExact((long) omvang.volume(), perioden), omvang.eenheid(), omvang.eenheid());
  }

  /**
   * TR322: the most all prestaties under the toewijzing may hold together, over its whole loopduur
   * ("het maximale volume berekend over de loopduur van de toewijzing"). A toewijzing without an
   * einddatum has no such bound yet; its loopduur is counted up to {@code gedeclareerdTot}, the last
   * day declared, which is the "duur van de DeclaratiePeriode in de ingediende Prestaties" TR322
   * weighs it against.
   */
  static long totaal(Toewijzing t, LocalDate gedeclareerdTot) {
    Omvang omvang = t.omvang();
    LocalDate tot = t.einddatum() != null ? t.einddatum() : gedeclareerdTot;
    if (tot.isBefore(t.ingangsdatum())) return 0;
    long perioden = perioden(omvang.frequentie(), t.ingangsdatum(), tot);
    return inBasis(Math.multiplyExact((long) omvang.volume(), perioden), omvang.eenheid(), omvang.eenheid());
  }

  /** How many frequentie periods {@code van} to {@code tot} (inclusive) touch. */
  private static long perioden(Frequentie frequentie, LocalDate van, LocalDate tot) {
    return switch (frequentie) {
      case PER_DAG -> ChronoUnit.DAYS.between(van, tot) + 1;
      case PER_WEEK -> ChronoUnit.WEEKS.between(maandag(van), maandag(tot)) + 1;
      case PER_MAAND -> ChronoUnit.MONTHS.between(YearMonth.from(van), YearMonth.from(tot)) + 1;
      case TOTAAL_BINNEN_GELDIGHEIDSDUUR -> 1;
    };
  }

  private static LocalDate maandag(LocalDate dag) {
    return dag.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
