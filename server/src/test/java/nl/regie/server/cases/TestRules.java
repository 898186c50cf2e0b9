package nl.regie.server.cases;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.regie.protocol.kalender.Termijn;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.regeling.DeadlineRule;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Partij;

/**
 * The Noord-Limburg catalogue with a fixed set of deadline rules, so that the entity's deadline
 * behaviour is tested independently of how the shipped rulebooks evolve.
 */
final class TestRules {

  private TestRules() {}

  static final DeadlineRule D1 = rule("D1", "Aanbieder stuurt de melding door", Gebeurtenis.MELDING, Set.of(Gebeurtenis.SCREENING_GESTART),
      "0wd", Partij.AANBIEDER, null, "1wd", Set.of(Kanaal.AANBIEDER), Set.of());
  static final DeadlineRule D3 = rule("D3", "Toegang rondt het onderzoek af", Gebeurtenis.MELDING, Set.of(Gebeurtenis.VERSLAG_VERSTUURD),
      "6w", Partij.TOEGANG, "-1w", "1wd", Set.of(), Set.of());
  static final DeadlineRule D8 = rule("D8", "Aanbieder bevestigt de toewijzing met een WMO302", Gebeurtenis.WMO301_VERSTUURD,
      Set.of(Gebeurtenis.WMO302_ONTVANGEN), "3wd", Partij.AANBIEDER, "-1wd", "2wd", Set.of(), Set.of());
  static final DeadlineRule D9 = rule("D9", "Aanbieder meldt de start van de zorg (WMO305)", Gebeurtenis.TOEWIJZING_INGANG,
      Set.of(Gebeurtenis.ZORG_GESTART), "5wd", Partij.AANBIEDER, null, "5wd", Set.of(), Set.of());
  static final DeadlineRule D19 = rule("D19", "Verlenging aanvragen", Gebeurtenis.TOEWIJZING_EINDE,
      Set.of(Gebeurtenis.BESCHIKT, Gebeurtenis.ZORG_GESTOPT), "-8w", Partij.TOEGANG, null, null, Set.of(), Set.of("02A02"));

  // The iWmo verzoek deadlines, as every shipped rulebook has them.
  static final DeadlineRule D13A = rule("D13a", "Retour WMO316 op een WMO315", Gebeurtenis.WMO315_ONTVANGEN,
      Set.of(Gebeurtenis.WMO316_VERSTUURD), "3wd", Partij.BACKOFFICE, null, "1wd", Set.of(), Set.of());
  static final DeadlineRule D13 = rule("D13", "Retour WMO318 op een WMO317", Gebeurtenis.WMO317_ONTVANGEN,
      Set.of(Gebeurtenis.WMO318_VERSTUURD), "3wd", Partij.BACKOFFICE, null, "1wd", Set.of(), Set.of());
  static final DeadlineRule D14A = rule("D14a", "WMO301 of WMO319 op elk product van een WMO315", Gebeurtenis.WMO315_ONTVANGEN,
      Set.of(Gebeurtenis.VERZOEK_BEANTWOORD), "5wd", Partij.BACKOFFICE, "-2wd", "2wd", Set.of(), Set.of());
  static final DeadlineRule D14 = rule("D14", "WMO301 of WMO319 op een WMO317", Gebeurtenis.WMO317_ONTVANGEN,
      Set.of(Gebeurtenis.VERZOEK_BEANTWOORD), "5wd", Partij.BACKOFFICE, "-2wd", "2wd", Set.of(), Set.of());
  static final DeadlineRule D14B = rule("D14b", "Eindantwoord na aanvraag in onderzoek", Gebeurtenis.VERZOEK_IN_ONDERZOEK,
      Set.of(Gebeurtenis.VERZOEK_AFGEHANDELD), "8w", Partij.TOEGANG, "-1w", "1wd", Set.of(), Set.of());
  static final DeadlineRule D15 = rule("D15", "Retour WMO320 op een WMO319", Gebeurtenis.WMO319_VERSTUURD,
      Set.of(Gebeurtenis.WMO320_ONTVANGEN), "3wd", Partij.AANBIEDER, "-1wd", "2wd", Set.of(), Set.of());

  /** The shipped regelingen without deadline rules: for tests of the case's fases alone. */
  static Regelingen withoutDeadlines() {
    return Regelingen.of(Regelingen.shipped().all().stream()
        .map(r -> new Regeling(r.id(), r.naam(), r.bronnen(), r.producten(), r.stapelregels(), List.of(), r.kalender(), r.beeindiging(),
            r.eigenBijdrageViaCak()))
        .toArray(Regeling[]::new));
  }

  static Regelingen regelingen() {
    Regeling shipped = Regelingen.shipped().find("wmo-noord-limburg").orElseThrow();
    return Regelingen.of(new Regeling(shipped.id(), shipped.naam(), shipped.bronnen(), shipped.producten(),
        shipped.stapelregels(), List.of(D1, D3, D8, D9, D19, D13A, D13, D14A, D14, D14B, D15), shipped.kalender(), shipped.beeindiging(),
        shipped.eigenBijdrageViaCak()));
  }

  private static DeadlineRule rule(String code, String omschrijving, Gebeurtenis start, Set<Gebeurtenis> voldaan, String termijn,
      Partij partij, String waarschuwing, String escalatie, Set<Kanaal> kanalen, Set<String> producten) {
    return new DeadlineRule(code, omschrijving, start, voldaan, Termijn.parse(termijn), partij,
        Optional.ofNullable(waarschuwing).map(Termijn::parse), Optional.ofNullable(escalatie).map(Termijn::parse),
        kanalen, producten, "test");
  }
}
