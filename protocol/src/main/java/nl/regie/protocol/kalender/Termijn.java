package nl.regie.protocol.kalender;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline length as a rulebook writes it: a whole number and a unit, {@code 3wd} (werkdagen),
 * {@code 5d} (kalenderdagen), {@code 2w} (weken) or {@code 3m} (maanden). A minus sign makes it a
 * length before a date: {@code -8w} is "8 weeks before the einddatum". In JSON and YAML a termijn
 * is that text (see {@link #parse} and {@link #toString}).
 *
 * <p>{@link #einde} turns a termijn into a date. Calendar termijnen follow the Algemene
 * termijnenwet; werkdagen are counted with the calendar given.
 *
 * @param aantal the number of units, negative for a length before a date; at most 9999 either way
 * @param eenheid the unit
 */
public record Termijn(int aantal, Eenheid eenheid) {

  /** The units a termijn can be written in, with the suffix a rulebook uses. */
  public enum Eenheid {
    WERKDAGEN("wd"),
    DAGEN("d"),
    WEKEN("w"),
    MAANDEN("m");

    private final String suffix;

    Eenheid(String suffix) {
      this.suffix = suffix;
    }

    /** What follows the number in the written form: wd, d, w or m. */
    public String suffix() {
      return suffix;
    }

    static Eenheid ofSuffix(String suffix) {
      for (Eenheid e : values()) {
        if (e.suffix.equals(suffix)) return e;
      }
      throw new IllegalArgumentException("no termijn unit '" + suffix + "'");
    }
  }

  static final int MAXIMUM = 9999;

  /** Optional minus, a number without leading zeros (at most four digits), a unit. */
  private static final Pattern VORM = Pattern.compile("(-?)(0|[1-9][0-9]{0,3})(wd|d|w|m)");

  private static final String UITLEG =
      "expected a whole number followed by wd (werkdagen), d (dagen), w (weken) or m (maanden),"
          + " with a minus for a length before a date, e.g. 3wd, 5d, 2w, 3m, -8w";

  public Termijn {
    Objects.requireNonNull(eenheid, "eenheid");
    if (Math.abs(aantal) > MAXIMUM) {
      throw new IllegalArgumentException("Termijn " + aantal + eenheid.suffix + ": at most " + MAXIMUM + " units");
    }
  }

  /** A termijn of {@code aantal} werkdagen ({@code 3wd}); negative for before a date. */
  public static Termijn werkdagen(int aantal) {
    return new Termijn(aantal, Eenheid.WERKDAGEN);
  }

  /** A termijn of {@code aantal} calendar days ({@code 5d}); negative for before a date. */
  public static Termijn dagen(int aantal) {
    return new Termijn(aantal, Eenheid.DAGEN);
  }

  /** A termijn of {@code aantal} weeks ({@code 2w}); negative for before a date. */
  public static Termijn weken(int aantal) {
    return new Termijn(aantal, Eenheid.WEKEN);
  }

  /** A termijn of {@code aantal} months ({@code 3m}); negative for before a date. */
  public static Termijn maanden(int aantal) {
    return new Termijn(aantal, Eenheid.MAANDEN);
  }

  /**
   * Reads the written form. Exactly what {@link #toString} writes is accepted: no spaces, no plus
   * sign, no leading zeros, lower-case units, no {@code -0}. So a rulebook has one spelling per
   * termijn, and what is read is what is shown.
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Termijn parse(String tekst) {
    if (tekst == null) throw new IllegalArgumentException("Termijn: missing; " + UITLEG);
    Matcher m = VORM.matcher(tekst);
    if (!m.matches()) {
      throw new IllegalArgumentException("Termijn '" + tekst + "': " + UITLEG);
    }
    boolean min = !m.group(1).isEmpty();
    int aantal = Integer.parseInt(m.group(2));
    if (min && aantal == 0) {
      throw new IllegalArgumentException("Termijn '" + tekst + "': zero takes no minus sign, write 0" + m.group(3));
    }
    return new Termijn(min ? -aantal : aantal, Eenheid.ofSuffix(m.group(3)));
  }

  /** Whether this is a length before a date ({@code -8w}). */
  public boolean isNegatief() {
    return aantal < 0;
  }

  /**
   * The date this termijn ends when it runs from {@code vanaf}. {@code vanaf} itself is day zero:
   * the termijn starts the day after it, as in law ("binnen 3 werkdagen na ontvangst").
   *
   * <ul>
   *   <li>Werkdagen: {@code kalender.plusWerkdagen(vanaf, aantal)} (and {@code minusWerkdagen} for
   *       a negative termijn). So {@code 0wd} is vanaf if it is a werkdag, else the next werkdag.
   *   <li>Days, weeks, months: vanaf plus that much calendar time; a month from 31 January ends on
   *       the last day of February. Then the Algemene termijnenwet: a termijn ending on a day that
   *       is not a werkdag of {@code kalender} runs on to the next werkdag (art. 1), and a termijn
   *       of three days or more is extended until it contains at least two werkdagen (art. 2).
   *       Because the werkdag is that of {@code kalender}, a gemeente's own closing days extend a
   *       termijn too; use {@link Werkdagen#nederland()} for the strictly legal reading.
   *   <li>Negative days, weeks, months: exactly that date, not moved, even on a Sunday. A "warn 8
   *       weeks before the einddatum" date is a point to act from, not a last day to act on; the
   *       Algemene termijnenwet (art. 4) does not apply to termijnen counted back from a moment.
   * </ul>
   */
  public LocalDate einde(LocalDate vanaf, Werkdagen kalender) {
    Objects.requireNonNull(vanaf, "vanaf");
    Objects.requireNonNull(kalender, "kalender");
    return switch (eenheid) {
      case WERKDAGEN -> kalender.plusWerkdagen(vanaf, aantal);
      case DAGEN -> kalendertermijn(vanaf, vanaf.plusDays(aantal), kalender);
      case WEKEN -> kalendertermijn(vanaf, vanaf.plusWeeks(aantal), kalender);
      case MAANDEN -> kalendertermijn(vanaf, vanaf.plusMonths(aantal), kalender);
    };
  }

  private LocalDate kalendertermijn(LocalDate vanaf, LocalDate kaal, Werkdagen kalender) {
    if (isNegatief()) return kaal;
    LocalDate einde = kalender.volgendeWerkdag(kaal); // art. 1
    if (ChronoUnit.DAYS.between(vanaf, kaal) >= 3 && kalender.werkdagenTussen(vanaf, einde) < 2) {
      einde = kalender.plusWerkdagen(vanaf, 2); // art. 2
    }
    return einde;
  }

  /** The written form, e.g. {@code 3wd} or {@code -8w}; {@link #parse} reads it back. */
  @JsonValue
  @Override
  public String toString() {
    return aantal + eenheid.suffix;
  }
}
