package nl.regie.server.cases;

import java.util.List;
import java.util.Objects;
import nl.regie.protocol.regeling.Beeindiging;

/**
 * What time alone does to a case's toewijzingen: one whose einddatum has passed ends by itself, at
 * the start of the next day, in the first decision after that moment (the case's timer and the
 * deadline index wake it for it). Where the regeling expects no WMO307 at the planned end (003),
 * care still running ends with it; elsewhere it waits for its 307 (IV024), which D11 watches.
 */
final class Afloop {

  private Afloop() {}

  static List<CaseEvent> due(CaseState state, DecisionContext context) {
    if (state.isNew()) return List.of();
    boolean stopbericht = context.regeling(state).map(r -> r.beeindiging().stopberichtBijEinddatum())
        .orElse(Beeindiging.STANDAARD.stopberichtBijEinddatum());
    return state.toewijzingen().stream()
        .filter(t -> !t.afgelopen() && t.einddatum() != null)
        .filter(t -> !context.now().isBefore(Objects.requireNonNullElse(t.afloopOp(), context.afloopOp(t.einddatum()))))
        .map(t -> (CaseEvent) new CaseEvent.ToewijzingAfgelopen(t.nummer(), t.einddatum(), !stopbericht && t.isLopend(), context.now()))
        .toList();
  }
}
