package nl.regie.server.cases;

import java.time.LocalDate;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.server.cases.CaseCommand.AanvraagRegistreren;
import nl.regie.server.cases.CaseCommand.Afwijzen;
import nl.regie.server.cases.CaseCommand.Intrekken;
import nl.regie.server.cases.CaseCommand.MeldingMaken;
import nl.regie.server.cases.CaseCommand.OnderzoekAfronden;
import nl.regie.server.cases.CaseCommand.ScreeningAfronden;
import nl.regie.server.cases.CaseCommand.ScreeningStarten;

/**
 * The toegang's road to an aanvraag: the melding, its screening, the onderzoek and its verslag,
 * the signed aanvraag; and the two ends before a beschikking, withdrawn or refused. Deciders:
 * pure, each checks its command against the case and decides.
 */
final class Toegang {

  private Toegang() {}

  static Decision meldingMaken(CaseState state, MeldingMaken c, DecisionContext context) {
    if (context.regelingen().find(c.regeling()).isEmpty()) {
      return Decision.invalid(state, "regeling: unknown; known are "
          + String.join(", ", context.regelingen().all().stream().map(Regeling::id).sorted().toList()));
    }
    return new Change(state, context).record(new CaseEvent.MeldingOntvangen(state.caseId(), c.bsn(), c.gemeente(), c.regeling(),
        c.kanaal(), c.meldingOp(), c.client(), context.now())).decide();
  }

  static Decision screeningStarten(CaseState state, ScreeningStarten c, DecisionContext context) {
    return new Change(state, context).record(new CaseEvent.ScreeningGestart(context.now())).decide();
  }

  /** Another gemeente van herkomst takes the case over (seed 000). */
  static Decision screeningAfronden(CaseState state, ScreeningAfronden c, DecisionContext context) {
    Change change = new Change(state, context)
        .record(new CaseEvent.ScreeningAfgerond(c.eersteOpvangNodig(), c.gemeenteVanHerkomst(), context.now()));
    if (!c.gemeenteVanHerkomst().equals(state.gemeente())) {
      change.record(new CaseEvent.Overgedragen(state.gemeente(), c.gemeenteVanHerkomst(), context.now()));
    }
    return change.decide();
  }

  static Decision onderzoekAfronden(CaseState state, OnderzoekAfronden c, DecisionContext context) {
    if (state.voortgang().verslagVerstuurdOp() != null) {
      return Decision.conflict(state, "the onderzoeksverslag was sent already on " + state.voortgang().verslagVerstuurdOp());
    }
    if (c.verslagVerstuurdOp().isBefore(state.melding().meldingOp())) {
      return Decision.invalid(state, "verslagVerstuurdOp: must not be before the melding (" + state.melding().meldingOp() + ")");
    }
    return new Change(state, context).record(new CaseEvent.OnderzoekAfgerond(c.verslagVerstuurdOp(), context.now())).decide();
  }

  /** The signed verslag is the aanvraag. */
  static Decision aanvraagRegistreren(CaseState state, AanvraagRegistreren c, DecisionContext context) {
    LocalDate verslag = state.voortgang().verslagVerstuurdOp();
    if (verslag == null) return Decision.conflict(state, "the onderzoeksverslag has not been sent yet (onderzoek-afronden)");
    if (state.aanvraagOntvangen()) return Decision.conflict(state, "the aanvraag was received already on " + state.voortgang().aanvraagOp());
    if (c.ondertekendOp().isBefore(verslag)) {
      return Decision.invalid(state, "ondertekendOp: must not be before the verslag was sent (" + verslag + ")");
    }
    return new Change(state, context).record(new CaseEvent.AanvraagOntvangen(c.ondertekendOp(), context.now())).decide();
  }

  /** Only before the aanvraag: after it, the toewijzingen end instead. */
  static Decision intrekken(CaseState state, Intrekken c, DecisionContext context) {
    if (state.fase().isEinde()) return Decision.conflict(state, "intrekken is not allowed in fase " + state.fase());
    if (state.aanvraagOntvangen()) {
      return Decision.conflict(state, "the aanvraag was received on " + state.voortgang().aanvraagOp()
          + ": the case can no longer be withdrawn; end its toewijzingen instead");
    }
    return new Change(state, context).record(new CaseEvent.Ingetrokken(c.reden(), context.now())).decide();
  }

  static Decision afwijzen(CaseState state, Afwijzen c, DecisionContext context) {
    return new Change(state, context).record(new CaseEvent.Afgewezen(c.reden(), context.now())).decide();
  }
}
