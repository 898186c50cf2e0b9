package nl.regie.protocol.iwmo.bericht;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * WMO325 Declaratie-antwoord: the gemeente's verdict on a WMO323 and the total it grants (IV087).
 * It repeats only the cliënten and prestaties it rejects (TR342), so the paths in {@link
 * #retourcodes()} index into this message's own lists ({@code Declaratie/Client[0]/Prestatie[0]} is
 * the first rejected prestatie of the first cliënt listed here), not into the 323's.
 *
 * @param declaratieAntwoord null when the 323 was rejected as a whole in its header
 */
public record Wmo325(
    DeclaratieAntwoordHeader header, DeclaratieAntwoord declaratieAntwoord, Retourcodes retourcodes)
    implements Retourbericht {

  public Wmo325 {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(retourcodes, "retourcodes");
    if (retourcodes.van(Klassepad.HEADER).isEmpty()) {
      throw new IllegalArgumentException("a WMO325 header always has a retourcode");
    }
    RetourInhoud.vereisCodes(klassen(declaratieAntwoord), retourcodes);
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO325;
  }

  @Override
  public List<Klassepad> klassen() {
    return klassen(declaratieAntwoord);
  }

  private static List<Klassepad> klassen(DeclaratieAntwoord antwoord) {
    if (antwoord == null) return List.of();
    List<Klassepad> paden = new ArrayList<>();
    paden.add(Klassepad.DECLARATIE);
    for (int i = 0; i < antwoord.clienten().size(); i++) {
      paden.add(Wmo323.client(i));
      for (int j = 0; j < antwoord.clienten().get(i).prestaties().size(); j++) {
        paden.add(Wmo323.prestatie(i, j));
      }
    }
    return paden;
  }

  /**
   * The answer to one declaratie.
   *
   * @param totaalToegekendBedrag what the gemeente grants: the total declared minus the rejected
   *     prestaties (TR342), or zero when the declaratie itself is rejected
   * @param clienten the cliënten with rejected prestaties, each with only those prestaties
   */
  public record DeclaratieAntwoord(
      String declaratieNummer,
      Bedrag totaalIngediendBedrag,
      Bedrag totaalToegekendBedrag,
      List<Wmo323.Client> clienten) {

    public DeclaratieAntwoord {
      Objects.requireNonNull(declaratieNummer, "declaratieNummer");
      Objects.requireNonNull(totaalIngediendBedrag, "totaalIngediendBedrag");
      Objects.requireNonNull(totaalToegekendBedrag, "totaalToegekendBedrag");
      clienten = clienten == null ? List.of() : List.copyOf(clienten);
    }
  }
}
