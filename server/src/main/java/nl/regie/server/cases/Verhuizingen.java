package nl.regie.server.cases;

import java.util.Optional;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.server.cases.CaseCommand.VerhuizingMelden;
import nl.regie.server.cases.CaseCommand.VerhuizingOverdragen;

/**
 * A cliënt moves to another gemeente (004, proces verhuizing, werkwijze A and B): the latende
 * gemeente asks the ontvangende one to take over, sending the dossier (D23: its consulent reacts
 * within 3 werkdagen and checks the dossier within 7); once that check is done the ontvangende
 * gemeente takes the case over. The latende gemeente's toewijzingen end the day before the
 * verhuisdatum (reden 07, with their WMO301s from the latende gemeente), the ontvangende
 * gemeente's backoffice assigns anew from the verhuisdatum, and the case keeps both gemeenten'
 * history: the one case is the cliënt's whole story.
 */
final class Verhuizingen {

  private Verhuizingen() {}

  static Decision verhuizingMelden(CaseState state, VerhuizingMelden c, DecisionContext context) {
    if (state.overlijdenBekend()) return Decision.conflict(state, "the cliënt died on " + state.overleden());
    if (state.lopendeVerhuizing().isPresent()) {
      return Decision.conflict(state, "a verhuizing to " + state.lopendeVerhuizing().get().naar() + " is asked for already");
    }
    if (c.naar().equals(state.gemeente())) return Decision.invalid(state, "naar: the case is gemeente " + c.naar() + "'s already");
    return new Change(state, context)
        .record(new CaseEvent.VerhuizingGemeld(state.gemeente(), c.naar(), c.verhuisdatum(), context.now()))
        .decide();
  }

  static Decision verhuizingOverdragen(CaseState state, VerhuizingOverdragen c, DecisionContext context) {
    Optional<CaseState.Verhuizing> lopend = state.lopendeVerhuizing();
    if (lopend.isEmpty()) return Decision.conflict(state, "no verhuizing is asked for (verhuizing-melden)");
    CaseState.Verhuizing v = lopend.get();
    Change change = new Change(state, context);
    // The latende gemeente's 301s go out before the handover, from the latende gemeente.
    Optional<Decision> refused = Beeindigingen.beeindigd(state, change, v.van(), v.verhuisdatum().minusDays(1), RedenWijziging.VERHUIZING,
        c.identificaties());
    if (refused.isPresent()) return refused.get();
    return change.record(new CaseEvent.Overgedragen(v.van(), v.naar(), context.now())).decide();
  }
}
