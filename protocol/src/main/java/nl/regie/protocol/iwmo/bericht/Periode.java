package nl.regie.protocol.iwmo.bericht;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A period of dates, both ends inclusive: CDT_OpenPeriode (either end may be null) or
 * CDT_GeslotenPeriode (both ends given; the schema enforces it).
 */
public record Periode(LocalDate begindatum, LocalDate einddatum) {

  /** The closed period of one calendar month. */
  public static Periode maand(YearMonth maand) {
    return new Periode(maand.atDay(1), maand.atEndOfMonth());
  }

  /** Whether both ends are given and the end is before the begin (CS003). */
  @JsonIgnore
  public boolean isOmgekeerd() {
    return begindatum != null && einddatum != null && einddatum.isBefore(begindatum);
  }

  /** Whether this period and {@code andere} share a day; a missing end is open. */
  public boolean overlapt(Periode andere) {
    boolean ditBeginVoorAnderEind =
        andere.einddatum == null || begindatum == null || !begindatum.isAfter(andere.einddatum);
    boolean anderBeginVoorDitEind =
        einddatum == null || andere.begindatum == null || !andere.begindatum.isAfter(einddatum);
    return ditBeginVoorAnderEind && anderBeginVoorDitEind;
  }
}
