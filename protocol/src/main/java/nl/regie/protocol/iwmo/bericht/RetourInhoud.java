package nl.regie.protocol.iwmo.bericht;

import java.util.List;

/** Checks shared by the retour records. */
final class RetourInhoud {

  private RetourInhoud() {}

  /**
   * A retourbericht that repeats a berichtklasse gives it at least one retourcode (the schemas make
   * RetourCodes mandatory in every klasse), and has no codes for klassen it does not contain.
   */
  static void vereisCodes(List<Klassepad> klassen, Retourcodes codes) {
    for (Klassepad pad : klassen) {
      if (codes.van(pad).isEmpty()) {
        throw new IllegalArgumentException("berichtklasse " + pad + " has no retourcode");
      }
    }
    for (Klassepad pad : codes.perKlasse().keySet()) {
      if (!pad.equals(Klassepad.HEADER) && !klassen.contains(pad)) {
        throw new IllegalArgumentException("retourcodes for " + pad + ", which is not in the bericht");
      }
    }
  }
}
