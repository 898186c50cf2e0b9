package nl.regie.protocol.iwmo.bouw;

import java.time.LocalDate;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.iwmo.bericht.Header;
import nl.regie.protocol.iwmo.bericht.Wmo319;

/**
 * Builds an outgoing WMO319: the gemeente's answer to a verzoek (315 or 317) that it does not
 * honour with a 301, within five werkdagen (OP274, OP346). A verzoek is either rejected with a
 * reason or declared "in onderzoek" (then answered later by a 301 or a rejecting 319).
 */
public final class Antwoordbericht {

  private Antwoordbericht() {}

  /**
   * @param gemeente CBS gemeentecode of the sender
   * @param aanbieder AGB-code of the aanbieder that sent the verzoek
   * @param identificatie this 319's BerichtIdentificatie (at most 12 characters)
   * @param referentieAanbieder the ReferentieAanbieder of the verzoek answered
   */
  public static Wmo319 afwijzing(
      String gemeente,
      String aanbieder,
      String identificatie,
      LocalDate dagtekening,
      String referentieAanbieder,
      RedenAfwijzingVerzoek reden) {
    Wmo319 bericht =
        new Wmo319(
            Header.van(gemeente, aanbieder, identificatie, dagtekening),
            new Wmo319.Antwoord(referentieAanbieder, VerzoekAntwoord.VERZOEK_AFGEWEZEN, reden));
    return Controle.gecontroleerd(bericht, Controle.standaard(bericht));
  }

  /** The verzoek is being investigated; a 301 or a rejection follows. */
  public static Wmo319 inOnderzoek(
      String gemeente, String aanbieder, String identificatie, LocalDate dagtekening, String referentieAanbieder) {
    Wmo319 bericht =
        new Wmo319(
            Header.van(gemeente, aanbieder, identificatie, dagtekening),
            new Wmo319.Antwoord(referentieAanbieder, VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, null));
    return Controle.gecontroleerd(bericht, Controle.standaard(bericht));
  }
}
