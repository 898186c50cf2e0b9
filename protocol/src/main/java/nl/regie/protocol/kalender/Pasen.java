package nl.regie.protocol.kalender;

import java.time.LocalDate;

/** Easter Sunday by the Gregorian computus, the anonymous algorithm published by Meeus. */
final class Pasen {

  /** The Gregorian calendar, and with it this computus, starts in October 1582. */
  static final int EERSTE_JAAR = 1583;

  private Pasen() {}

  /**
   * Easter Sunday of {@code jaar}.
   *
   * @throws IllegalArgumentException for a year before 1583
   */
  static LocalDate zondag(int jaar) {
    if (jaar < EERSTE_JAAR) {
      throw new IllegalArgumentException(
          "Pasen " + jaar + ": the Gregorian computus is defined from " + EERSTE_JAAR + " on");
    }
    int goldenNumber = jaar % 19; // place in the 19-year Metonic cycle
    int eeuw = jaar / 100;
    int jaarInEeuw = jaar % 100;
    int schrikkelEeuwen = eeuw / 4;
    int eeuwRest = eeuw % 4;
    int maanCorrectie = (eeuw + 8) / 25;
    int zonCorrectie = (eeuw - maanCorrectie + 1) / 3;
    // Days from 21 March to the Paschal full moon.
    int epacta = (19 * goldenNumber + eeuw - schrikkelEeuwen - zonCorrectie + 15) % 30;
    int schrikkelJaren = jaarInEeuw / 4;
    int jaarRest = jaarInEeuw % 4;
    // Days from the full moon to the following Sunday.
    int totZondag = (32 + 2 * eeuwRest + 2 * schrikkelJaren - epacta - jaarRest) % 7;
    int uitzondering = (goldenNumber + 11 * epacta + 22 * totZondag) / 451;
    int dagen = epacta + totZondag - 7 * uitzondering + 114;
    return LocalDate.of(jaar, dagen / 31, dagen % 31 + 1);
  }
}
