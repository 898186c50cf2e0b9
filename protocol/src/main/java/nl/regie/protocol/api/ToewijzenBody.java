package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.cases.Omvang;

/** Body of {@code toewijzen}: the beschikking and the products it assigns. */
public record ToewijzenBody(LocalDate beschiktOp, List<NieuweToewijzing> toewijzingen)
    implements Validatable {

  /**
   * One product for one aanbieder (AGB code, eight digits) over a period. {@code omvang} may be
   * left out for a product whose rulebook band has a gemiddelde: the case then takes it (see the
   * rulebook README, "Omvang"); for any other product the case refuses a toewijzing without one. {@code
   * referentieAanbieder}, when given, names the aanbieder's verzoek (WMO315 product or WMO317) this
   * toewijzing honours; the WMO301 then carries it (iWmo TR379).
   */
  public record NieuweToewijzing(
      String product, String aanbieder, LocalDate ingangsdatum, LocalDate einddatum, Omvang omvang, String referentieAanbieder) {

    public NieuweToewijzing(String product, String aanbieder, LocalDate ingangsdatum, LocalDate einddatum, Omvang omvang) {
      this(product, aanbieder, ingangsdatum, einddatum, omvang, null);
    }
  }

  @Override
  public List<String> problems() {
    Violations v = new Violations().required(beschiktOp, "beschiktOp").required(toewijzingen, "toewijzingen");
    if (toewijzingen == null) return v.list();
    if (toewijzingen.isEmpty()) v.add("toewijzingen: at least one");
    if (toewijzingen.size() > 50) v.add("toewijzingen: at most 50 at once");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < toewijzingen.size(); i++) {
      String at = "toewijzingen[" + i + "]";
      NieuweToewijzing t = toewijzingen.get(i);
      if (t == null) {
        v.add(at + ": required");
        continue;
      }
      v.required(t.product(), at + ".product")
          .check(t.product(), p -> p.matches("[0-9]{2}[0-9A-Z]{3}"), at + ".product", "a five-character iWmo productcode")
          .required(t.aanbieder(), at + ".aanbieder")
          .check(t.aanbieder(), a -> a.matches("[0-9]{8}"), at + ".aanbieder", "an AGB code of eight digits")
          .required(t.ingangsdatum(), at + ".ingangsdatum")
          .notAfter(t.ingangsdatum(), t.einddatum(), at + ".ingangsdatum", "einddatum")
          .check(t.referentieAanbieder(), r -> !r.isBlank() && r.length() <= 36, at + ".referentieAanbieder",
              "the ReferentieAanbieder of a verzoek: 1 to 36 characters");
      if (t.omvang() != null) {
        v.check(t.omvang().volume(), n -> n > 0 && n <= 99_999_999, at + ".omvang.volume", "between 1 and 99999999")
            .required(t.omvang().eenheid(), at + ".omvang.eenheid")
            .required(t.omvang().frequentie(), at + ".omvang.frequentie");
        if (t.omvang().frequentie() == Frequentie.PER_WEEK && t.einddatum() == null) {
          v.add(at + ".einddatum: required when the omvang is per week (iWmo CD076)");
        }
      }
      if (t.product() != null && t.aanbieder() != null && t.ingangsdatum() != null
          && !seen.add(t.product() + "/" + t.aanbieder() + "/" + t.ingangsdatum())) {
        v.add(at + ": the same product for the same aanbieder from the same date is listed twice");
      }
    }
    return v.list();
  }
}
