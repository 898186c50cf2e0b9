package nl.regie.protocol.iwmo.bericht;

import java.time.LocalDate;
import java.util.Objects;

/**
 * CDT_BerichtIdentificatie: the sender's name or number for one aanlevering (at most 12
 * characters, unique per berichtsoort for the sender, TR056) and its Dagtekening.
 */
public record BerichtIdentificatie(String identificatie, LocalDate dagtekening) {
  public BerichtIdentificatie {
    Objects.requireNonNull(identificatie, "identificatie");
    Objects.requireNonNull(dagtekening, "dagtekening");
  }
}
