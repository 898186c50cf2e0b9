package nl.regie.protocol.iwmo.bericht;

import java.util.List;
import java.util.Objects;

/**
 * WMO302 Retour toewijzing: the aanbieder's verdict on a WMO301.
 *
 * <p>Without client the heenbericht was accepted or rejected as a whole (see the header's codes);
 * with it, every klasse in it carries its codes (IV028, OP065).
 *
 * @param client the cliënt as in the 301, or null
 */
public record Wmo302(RetourHeader header, Wmo301.Client client, Retourcodes retourcodes)
    implements Retourbericht {

  public Wmo302 {
    Objects.requireNonNull(header, "header");
    retourcodes = retourcodes == null ? Retourcodes.GEEN : retourcodes;
    RetourInhoud.vereisCodes(klassen(client), retourcodes);
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO302;
  }

  @Override
  public List<Klassepad> klassen() {
    return klassen(client);
  }

  private static List<Klassepad> klassen(Wmo301.Client client) {
    return client == null ? List.of() : client.klassen();
  }
}
