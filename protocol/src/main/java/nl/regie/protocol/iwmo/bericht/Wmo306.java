package nl.regie.protocol.iwmo.bericht;

import java.util.List;
import java.util.Objects;

/**
 * WMO306 Retour start zorg: the gemeente's verdict on a WMO305.
 *
 * <p>Without client the heenbericht was accepted or rejected as a whole (see the header's codes);
 * with it, every klasse in it carries its codes (IV028, OP065).
 *
 * @param client the cliënt as in the 305, or null
 */
public record Wmo306(RetourHeader header, Wmo305.Client client, Retourcodes retourcodes)
    implements Retourbericht {

  public Wmo306 {
    Objects.requireNonNull(header, "header");
    retourcodes = retourcodes == null ? Retourcodes.GEEN : retourcodes;
    RetourInhoud.vereisCodes(klassen(client), retourcodes);
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO306;
  }

  @Override
  public List<Klassepad> klassen() {
    return klassen(client);
  }

  private static List<Klassepad> klassen(Wmo305.Client client) {
    return client == null ? List.of() : client.klassen();
  }
}
