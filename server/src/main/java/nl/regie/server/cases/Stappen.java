package nl.regie.server.cases;

import java.util.Optional;
import nl.regie.protocol.cases.Stap;
import nl.regie.protocol.regeling.Scope;
import nl.regie.server.cases.CaseCommand.StapZetten;

/**
 * Records a step of the werkwijze ({@link Stap}) once it can have happened: not in the future, not
 * before the melding, about an aanbieder or toewijzing the case knows where the step needs one.
 * What a step starts or meets is the regeling's deadline rules' business.
 */
final class Stappen {

  private Stappen() {}

  static Decision stapZetten(CaseState state, StapZetten c, DecisionContext context) {
    Optional<String> error = fout(state, c, context);
    if (error.isPresent()) return Decision.invalid(state, error.get());
    String aanbieder = c.aanbieder();
    if (c.stap().scope() == Scope.TOEWIJZING) aanbieder = state.toewijzing(c.toewijzingNummer()).orElseThrow().aanbieder();
    return new Change(state, context)
        .record(new CaseEvent.StapGezet(c.stap(), c.op(), aanbieder, c.toewijzingNummer(), c.toelichting(), context.now()))
        .decide();
  }

  private static Optional<String> fout(CaseState state, StapZetten c, DecisionContext context) {
    if (c.op().isAfter(context.today())) return Optional.of("op: must not be in the future");
    if (c.op().isBefore(state.melding().meldingOp())) return Optional.of("op: must not be before the melding (" + state.melding().meldingOp() + ")");
    switch (c.stap().scope()) {
      case AANBIEDER -> {
        if (c.aanbieder() == null) return Optional.of("aanbieder: required for " + c.stap().action());
        boolean known = state.toewijzingen().stream().anyMatch(t -> t.aanbieder().equals(c.aanbieder()));
        boolean needsToewijzing = c.stap() == Stap.CALAMITEIT_VOORGEVALLEN || c.stap() == Stap.CALAMITEIT_GEMELD;
        if (needsToewijzing && !known) return Optional.of("aanbieder: " + c.aanbieder() + " has no toewijzing in this case");
      }
      case TOEWIJZING -> {
        if (c.toewijzingNummer() == null) return Optional.of("toewijzingNummer: required for " + c.stap().action());
        Optional<Toewijzing> t = state.toewijzing(c.toewijzingNummer());
        if (t.isEmpty()) return Optional.of("toewijzingNummer: " + c.toewijzingNummer() + " is not a toewijzing of this case");
        if (c.stap() == Stap.VERLENGING_AANGEVRAAGD && (t.get().einddatum() == null || t.get().isBeeindigd())) {
          return Optional.of("toewijzingNummer: toewijzing " + c.toewijzingNummer() + " has no einddatum to extend");
        }
      }
      case CASE -> {
        if (c.stap() == Stap.VERHUIZING_BEANTWOORD && state.lopendeVerhuizing().isEmpty()) {
          return Optional.of("no verhuizing is asked for (verhuizing-melden)");
        }
      }
    }
    return Optional.empty();
  }
}
