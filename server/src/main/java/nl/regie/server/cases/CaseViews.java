package nl.regie.server.cases;

import java.time.LocalDate;
import java.util.Comparator;
import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.api.CaseView.DeadlineView;
import nl.regie.protocol.api.CaseView.ToewijzingView;
import nl.regie.protocol.api.CaseView.VerzoekProductView;
import nl.regie.protocol.api.CaseView.VerzoekView;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.regeling.Scope;

/** Turns a case's state into the immutable view the API shows. */
final class CaseViews {

  private CaseViews() {}

  /** The case as its view shows it; a deadline's omschrijving from {@code regelingen} where its event did not carry one. */
  static CaseView of(CaseState s, Regelingen regelingen) {
    return new CaseView(
        s.caseId(),
        s.fase(),
        s.gemeente(),
        s.melding().regeling(),
        s.melding().kanaal(),
        s.melding().bsn(),
        s.melding().meldingOp(),
        s.melding().client(),
        s.aanZet().orElse(null),
        s.toewijzingen().stream().map(CaseViews::toewijzing).toList(),
        s.verzoeken().stream().map(CaseViews::verzoek).toList(),
        s.deadlines().stream().sorted(RUNNING_FIRST).map(d -> deadline(d, Deadline.omschrijving(d, s, regelingen))).toList(),
        CaseHistory.of(s.history()),
        s.version());
  }

  /** Running deadlines first, soonest due first; then the closed ones in the order they were set. */
  private static final Comparator<Deadline> RUNNING_FIRST =
      Comparator.comparing((Deadline d) -> !d.status().isLopend())
          .thenComparing(d -> d.status().isLopend() ? d.due() : LocalDate.MIN);

  private static DeadlineView deadline(Deadline d, String omschrijving) {
    return new DeadlineView(
        d.code(),
        omschrijving,
        d.responsible(),
        d.due(),
        d.status(),
        d.scope() == Scope.TOEWIJZING ? Long.valueOf(d.key()) : null,
        d.scope() == Scope.AANBIEDER ? d.key() : null);
  }

  private static VerzoekView verzoek(Verzoek v) {
    return new VerzoekView(
        v.referentieAanbieder(),
        v.aanbieder(),
        v.berichtsoort(),
        v.dagtekening(),
        v.status(),
        v.redenVerzoek() == null ? null : v.redenVerzoek().code(),
        v.producten().stream().map(p -> new VerzoekProductView(
            p.soort(), p.toewijzingNummer(), p.product(), p.ingangsdatum(), p.einddatum(), p.omvang(), p.budget())).toList(),
        v.redenAfwijzing() == null ? null : v.redenAfwijzing().code(),
        v.toewijzingNummers(),
        "/iwmo/v1/berichten/" + v.berichtId());
  }

  private static ToewijzingView toewijzing(Toewijzing t) {
    return new ToewijzingView(
        t.nummer(),
        t.product(),
        t.aanbieder(),
        t.ingangsdatum(),
        t.einddatum(),
        t.omvang(),
        t.status(),
        t.begindatum(),
        t.stopdatum(),
        t.redenBeeindiging() == null ? null : t.redenBeeindiging().code());
  }
}
