package nl.regie.protocol.iwmo.bericht;

/**
 * A bericht that starts an exchange and is answered by a retourbericht: 301, 305, 307, 315, 317,
 * 319 and 323.
 */
public sealed interface Heenbericht extends Bericht
    permits Wmo301, Wmo305, Wmo307, Wmo315, Wmo317, Wmo319, Wmo323 {

  Header header();

  /** The soort of the retourbericht that answers this one. */
  default Berichtsoort retourSoort() {
    return soort().retour().orElseThrow();
  }
}
