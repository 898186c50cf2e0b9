package nl.regie.server.cases;

import java.util.HashSet;
import java.util.Set;
import nl.regie.server.access.Access;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;

/**
 * The access rules that need the case: whether a principal sees it at all, and which of the case
 * API's actions it may take (the README's table). The toegang walks a case from melding to
 * aanvraag, the backoffice decides and ends, an aanbieder reports on its own toewijzingen; a
 * supervisor only reads. Anything else is not for a principal: iWmo berichten come through the
 * intake, wake-ups from the scheduler.
 */
final class CaseAccess {

  private CaseAccess() {}

  static boolean sees(Principal principal, CaseState state) {
    if (state.isNew()) return true;
    Set<String> aanbieders = new HashSet<>();
    state.toewijzingen().forEach(t -> aanbieders.add(t.aanbieder()));
    state.verzoeken().forEach(v -> aanbieders.add(v.aanbieder()));
    return Access.sees(principal, state.gemeente(), aanbieders);
  }

  static boolean may(Principal principal, CaseState state, CaseCommand command) {
    String gemeente = state.gemeente();
    if (command instanceof CaseCommand.Get) return true;
    if (command instanceof CaseCommand.ScreeningStarten || command instanceof CaseCommand.ScreeningAfronden
        || command instanceof CaseCommand.OnderzoekAfronden || command instanceof CaseCommand.AanvraagRegistreren
        || command instanceof CaseCommand.Afwijzen) {
      return principal.isFor(Role.TOEGANG, gemeente);
    }
    if (command instanceof CaseCommand.Intrekken) {
      return principal.isFor(Role.TOEGANG, gemeente) || principal.isFor(Role.BACKOFFICE, gemeente);
    }
    if (command instanceof CaseCommand.Toewijzen || command instanceof CaseCommand.VerzoekBeantwoorden) {
      return principal.isFor(Role.BACKOFFICE, gemeente);
    }
    if (command instanceof CaseCommand.ZorgStarten start) return backofficeOrOwn(principal, state, start.toewijzingNummer());
    if (command instanceof CaseCommand.ZorgStoppen stop) return backofficeOrOwn(principal, state, stop.toewijzingNummer());
    if (command instanceof CaseCommand.ToewijzingBevestigen bevestigd) {
      return principal.isFor(Role.BACKOFFICE, gemeente) || principal.isAanbieder(bevestigd.aanbieder());
    }
    return false;
  }

  /** The backoffice, or the aanbieder of the toewijzing (an unknown number is the case's to refuse). */
  private static boolean backofficeOrOwn(Principal principal, CaseState state, long toewijzingNummer) {
    if (principal.isFor(Role.BACKOFFICE, state.gemeente())) return true;
    return state.toewijzing(toewijzingNummer).map(t -> principal.isAanbieder(t.aanbieder())).orElse(principal.is(Role.AANBIEDER));
  }
}
