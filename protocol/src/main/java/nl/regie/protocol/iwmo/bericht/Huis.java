package nl.regie.protocol.iwmo.bericht;

import nl.regie.protocol.codes.AanduidingWoonadres;

/** CDT_Huis: house number and its additions (all but the number may be null). */
public record Huis(
    int huisnummer,
    String huisletter,
    String huisnummerToevoeging,
    AanduidingWoonadres aanduidingWoonadres) {

  public static Huis nummer(int huisnummer) {
    return new Huis(huisnummer, null, null, null);
  }
}
