package nl.regie.server.cases;

import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.api.CaseView.ToewijzingView;

/** Turns a case's state into the immutable view the API shows. */
final class CaseViews {

  private CaseViews() {}

  static CaseView of(CaseState s) {
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
        s.history(),
        s.version());
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
