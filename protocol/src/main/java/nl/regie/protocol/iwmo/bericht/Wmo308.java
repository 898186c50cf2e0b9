package nl.regie.protocol.iwmo.bericht;

import java.util.List;
import java.util.Objects;

/**
 * WMO308 Retour stop zorg: the gemeente's verdict on a WMO307.
 *
 * <p>Without client the heenbericht was accepted or rejected as a whole (see the header's codes);
 * with it, every klasse in it carries its codes (IV028, OP065).
 *
 * @param client the cliënt as in the 307, or null
 */
public record Wmo308(RetourHeader header, Wmo307.Client client, Retourcodes retourcodes)
    implements Retourbericht {

  public Wmo308 {
    Objects.requireNonNull(header, "header");
    retourcodes = retourcodes == null ? Retourcodes.GEEN : retourcodes;
    RetourInhoud.vereisCodes(klassen(client), retourcodes);
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO308;
  }

  @Override
  public List<Klassepad> klassen() {
    return klassen(client);
  }

  private static List<Klassepad> klassen(Wmo307.Client client) {
    return client == null ? List.of() : client.klassen();
  }
}
