package nl.regie.protocol.iwmo.bericht;

import java.util.List;
import java.util.Objects;

/**
 * WMO316 Retour verzoek om toewijzing: the gemeente's verdict on a WMO315 (not yet its answer: that is a 301 or 319).
 *
 * <p>Without client the heenbericht was accepted or rejected as a whole (see the header's codes);
 * with it, every klasse in it carries its codes (IV028, OP065).
 *
 * @param client the cliënt as in the 315, or null
 */
public record Wmo316(RetourHeader header, Wmo315.Client client, Retourcodes retourcodes)
    implements Retourbericht {

  public Wmo316 {
    Objects.requireNonNull(header, "header");
    retourcodes = retourcodes == null ? Retourcodes.GEEN : retourcodes;
    RetourInhoud.vereisCodes(klassen(client), retourcodes);
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO316;
  }

  @Override
  public List<Klassepad> klassen() {
    return klassen(client);
  }

  private static List<Klassepad> klassen(Wmo315.Client client) {
    return client == null ? List.of() : client.klassen();
  }
}
