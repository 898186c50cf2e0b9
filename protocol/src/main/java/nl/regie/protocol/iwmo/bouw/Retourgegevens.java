package nl.regie.protocol.iwmo.bouw;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the maker of a retourbericht adds of its own: its identification (at most 12 characters,
 * unique per berichtsoort for the sender, TR056) and date, and, only when the official XSLTs were
 * used to reject the heenbericht, their version (IV033). For a WMO325 the identification and date
 * become the 325's own BerichtIdentificatie.
 */
public record Retourgegevens(String identificatie, LocalDate dagtekening, String xsltVersie) {

  public Retourgegevens {
    Objects.requireNonNull(identificatie, "identificatie");
    Objects.requireNonNull(dagtekening, "dagtekening");
  }

  public static Retourgegevens van(String identificatie, LocalDate dagtekening) {
    return new Retourgegevens(identificatie, dagtekening, null);
  }
}
