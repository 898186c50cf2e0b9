package nl.regie.protocol.iwmo.bericht;

import java.util.List;
import java.util.Objects;

/**
 * WMO320 Retour antwoordbericht: the aanbieder's verdict on a WMO319.
 *
 * <p>Without antwoord the heenbericht was accepted or rejected as a whole (see the header's codes);
 * with it, every klasse in it carries its codes (IV028, OP065).
 *
 * @param antwoord the antwoord as in the 319, or null
 */
public record Wmo320(RetourHeader header, Wmo319.Antwoord antwoord, Retourcodes retourcodes)
    implements Retourbericht {

  public Wmo320 {
    Objects.requireNonNull(header, "header");
    retourcodes = retourcodes == null ? Retourcodes.GEEN : retourcodes;
    RetourInhoud.vereisCodes(klassen(antwoord), retourcodes);
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO320;
  }

  @Override
  public List<Klassepad> klassen() {
    return klassen(antwoord);
  }

  private static List<Klassepad> klassen(Wmo319.Antwoord antwoord) {
    return antwoord == null ? List.of() : List.of(Klassepad.ANTWOORD);
  }
}
