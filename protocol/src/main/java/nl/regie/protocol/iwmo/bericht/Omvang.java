package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;

/** CDT_Omvang: how much support, as Volume in an Eenheid per Frequentie. */
public record Omvang(long volume, Eenheid eenheid, Frequentie frequentie) {
  public Omvang {
    Objects.requireNonNull(eenheid, "eenheid");
    Objects.requireNonNull(frequentie, "frequentie");
  }
}
