package nl.regie.protocol.kalender;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * The named free days a {@link Werkdagen} calendar knows: the "algemeen erkende feestdagen" of the
 * Algemene termijnenwet, art. 3 lid 1, plus Goede Vrijdag, which that law does not list but many
 * collective agreements and gemeenten do (so {@link Werkdagen} makes it optional).
 *
 * <p>Eerste Paasdag and Eerste Pinksterdag are not listed: the law names only the second days, and
 * the first ones are Sundays anyway.
 */
public enum Feestdag {
  NIEUWJAARSDAG("Nieuwjaarsdag"),
  GOEDE_VRIJDAG("Goede Vrijdag"),
  TWEEDE_PAASDAG("Tweede Paasdag"),
  KONINGSDAG("Koningsdag"),
  BEVRIJDINGSDAG("Bevrijdingsdag"),
  HEMELVAARTSDAG("Hemelvaartsdag"),
  TWEEDE_PINKSTERDAG("Tweede Pinksterdag"),
  EERSTE_KERSTDAG("Eerste Kerstdag"),
  TWEEDE_KERSTDAG("Tweede Kerstdag");

  /** Koningsdag (27 April) replaced Koninginnedag (30 April) from this year on. */
  static final int EERSTE_KONINGSDAG = 2014;

  private final String omschrijving;

  Feestdag(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  /** The Dutch name, for people. */
  public String omschrijving() {
    return omschrijving;
  }

  /**
   * The date of this feestdag in {@code jaar}, which may fall on a weekend (Nieuwjaarsdag on a
   * Saturday is still Nieuwjaarsdag).
   *
   * @throws IllegalArgumentException for a year before 1583, where the Gregorian Easter is undefined
   */
  public LocalDate datum(int jaar) {
    return switch (this) {
      case NIEUWJAARSDAG -> LocalDate.of(jaar, Month.JANUARY, 1);
      case GOEDE_VRIJDAG -> Pasen.zondag(jaar).minusDays(2);
      case TWEEDE_PAASDAG -> Pasen.zondag(jaar).plusDays(1);
      case KONINGSDAG -> koningsdag(jaar);
      case BEVRIJDINGSDAG -> LocalDate.of(jaar, Month.MAY, 5);
      case HEMELVAARTSDAG -> Pasen.zondag(jaar).plusDays(39);
      case TWEEDE_PINKSTERDAG -> Pasen.zondag(jaar).plusDays(50);
      case EERSTE_KERSTDAG -> LocalDate.of(jaar, Month.DECEMBER, 25);
      case TWEEDE_KERSTDAG -> LocalDate.of(jaar, Month.DECEMBER, 26);
    };
  }

  /**
   * Koningsdag is 27 April from 2014 on; before that Koninginnedag was 30 April. Either moves to the
   * Saturday before when it falls on a Sunday (so the move never changes which days are werkdagen,
   * but it does change the date a person sees). Years before 1980 get the 1980–2013 rule too: Regie
   * handles current cases, not history.
   */
  private static LocalDate koningsdag(int jaar) {
    LocalDate verjaardag =
        jaar >= EERSTE_KONINGSDAG ? LocalDate.of(jaar, Month.APRIL, 27) : LocalDate.of(jaar, Month.APRIL, 30);
    return verjaardag.getDayOfWeek() == DayOfWeek.SUNDAY ? verjaardag.minusDays(1) : verjaardag;
  }
}
