package nl.regie.protocol.iwmo.bericht;

import java.util.List;
import java.util.Objects;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;
import nl.regie.protocol.codes.VerzoekAntwoord;

/**
 * WMO319 Antwoordbericht: the gemeente rejects a verzoek (315 or 317) or says it is being
 * investigated. Honouring a verzoek is done with a 301 instead.
 */
public record Wmo319(Header header, Antwoord antwoord) implements Heenbericht {

  public Wmo319 {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(antwoord, "antwoord");
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO319;
  }

  @Override
  public List<Klassepad> klassen() {
    return List.of(Klassepad.ANTWOORD);
  }

  /**
   * @param referentieAanbieder the ReferentieAanbieder of the verzoek answered
   * @param redenAfwijzingVerzoek given exactly when the verzoek is rejected (CD085, CD086)
   */
  public record Antwoord(
      String referentieAanbieder,
      VerzoekAntwoord verzoekAntwoord,
      RedenAfwijzingVerzoek redenAfwijzingVerzoek) {

    public Antwoord {
      Objects.requireNonNull(referentieAanbieder, "referentieAanbieder");
      Objects.requireNonNull(verzoekAntwoord, "verzoekAntwoord");
    }
  }
}
