package nl.regie.protocol.api;

import java.util.List;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;

/**
 * Body of {@code verzoek-beantwoorden}: the gemeente's answer to an aanbieder's verzoek (WMO315
 * product or WMO317) that it does not honour with a toewijzing; it goes out as a WMO319. {@code
 * antwoord} is {@code afgewezen} with a {@code reden} (iWmo WJ759, e.g. {@code 3} "Geen contract")
 * or {@code in-onderzoek} without one (CD085, CD086). {@code aanbieder} is needed only when two
 * aanbieders of the case used the same {@code referentieAanbieder}.
 */
public record VerzoekBeantwoordenBody(String referentieAanbieder, String aanbieder, String antwoord, RedenAfwijzingVerzoek reden)
    implements Validatable {

  public static final String AFGEWEZEN = "afgewezen";
  public static final String IN_ONDERZOEK = "in-onderzoek";

  public boolean afgewezen() {
    return AFGEWEZEN.equals(antwoord);
  }

  @Override
  public List<String> problems() {
    Violations v = new Violations()
        .required(referentieAanbieder, "referentieAanbieder")
        .maxLength(referentieAanbieder, 36, "referentieAanbieder")
        .check(aanbieder, a -> a.matches("[0-9]{8}"), "aanbieder", "an AGB code of eight digits")
        .required(antwoord, "antwoord")
        .check(antwoord, a -> a.equals(AFGEWEZEN) || a.equals(IN_ONDERZOEK), "antwoord", "afgewezen or in-onderzoek");
    if (AFGEWEZEN.equals(antwoord) && reden == null) v.add("reden: required when the verzoek is afgewezen (iWmo CD085)");
    if (IN_ONDERZOEK.equals(antwoord) && reden != null) v.add("reden: only when the verzoek is afgewezen (iWmo CD086)");
    return v.list();
  }
}
