package nl.regie.protocol.iwmo.bericht;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Objects;
import nl.regie.protocol.codes.DatumGebruik;

/**
 * CDT_Geboortedatum. When part of the date is unknown, DatumGebruik says which and the unknown
 * parts are filled with 01 (CS139); a wholly unknown date is 1900-01-01 with DatumGebruik 3
 * (TR002).
 *
 * @param datumGebruik null when the date is fully known
 */
public record Geboortedatum(LocalDate datum, DatumGebruik datumGebruik) {
  public Geboortedatum {
    Objects.requireNonNull(datum, "datum");
  }

  public static Geboortedatum van(LocalDate datum) {
    return new Geboortedatum(datum, null);
  }

  /** Whether the birth date is unknown altogether (DatumGebruik 3). */
  @JsonIgnore
  public boolean isOnbekend() {
    return datumGebruik == DatumGebruik.DATUM_ONBEKEND;
  }
}
