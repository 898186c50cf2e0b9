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
    if (Access.sees(principal, state.gemeente(), aanbieders)) return true;
    // A verhuizing: the ontvangende gemeente sees the case it is asked to take over, the latende
    // one keeps its part of the history.
    return state.verhuizingen().stream()
        .anyMatch(v -> Access.sees(principal, v.van(), Set.of()) || Access.sees(principal, v.naar(), Set.of()));
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
    if (command instanceof CaseCommand.ToewijzingWijzigen || command instanceof CaseCommand.AanbiederWisselen) {
      return principal.isFor(Role.BACKOFFICE, gemeente);
    }
    if (command instanceof CaseCommand.Overlijden || command instanceof CaseCommand.VerhuizingMelden) {
      return principal.isFor(Role.TOEGANG, gemeente) || principal.isFor(Role.BACKOFFICE, gemeente);
    }
    if (command instanceof CaseCommand.VerhuizingOverdragen) {
      return state.lopendeVerhuizing().map(v -> principal.isFor(Role.TOEGANG, v.naar()) || principal.isFor(Role.BACKOFFICE, v.naar()))
          .orElse(principal.isFor(Role.TOEGANG, gemeente));
    }
    if (command instanceof CaseCommand.StapZetten stap) return mayZetten(principal, state, stap);
    if (command instanceof CaseCommand.ToewijzingBevestigen bevestigd) {
      return principal.isFor(Role.BACKOFFICE, gemeente) || principal.isAanbieder(bevestigd.aanbieder());
    }
    return false;
  }

  /**
   * The toegang records what it did and heard; an aanbieder what it did itself (its own
   * matchingsgesprek, plan, calamiteit, verlenging request); the backoffice may record a verlenging
   * request too; the ontvangende gemeente's toegang answers a verhuizing.
   */
  private static boolean mayZetten(Principal principal, CaseState state, CaseCommand.StapZetten c) {
    String gemeente = state.gemeente();
    boolean toegang = principal.isFor(Role.TOEGANG, gemeente);
    return switch (c.stap()) {
      case AANBIEDER_GEKOZEN, MATCHINGSFORMAT_VERSTUURD, ONDERSTEUNINGSPLAN_GEVRAAGD -> toegang;
      case MATCHINGSGESPREK_GEHOUDEN, ONDERSTEUNINGSPLAN_ONTVANGEN, CALAMITEIT_VOORGEVALLEN, CALAMITEIT_GEMELD ->
          toegang || (c.aanbieder() != null && principal.isAanbieder(c.aanbieder()));
      case PLAN_VAN_AANPAK_ONTVANGEN -> toegang || ownToewijzing(principal, state, c.toewijzingNummer());
      case VERLENGING_AANGEVRAAGD -> toegang || principal.isFor(Role.BACKOFFICE, gemeente) || ownToewijzing(principal, state, c.toewijzingNummer());
      case VERHUIZING_BEANTWOORD -> state.lopendeVerhuizing().map(v -> principal.isFor(Role.TOEGANG, v.naar())).orElse(toegang);
    };
  }

  private static boolean ownToewijzing(Principal principal, CaseState state, Long toewijzingNummer) {
    return toewijzingNummer != null && state.toewijzing(toewijzingNummer).map(t -> principal.isAanbieder(t.aanbieder())).orElse(false);
  }

  /** The backoffice, or the aanbieder of the toewijzing (an unknown number is the case's to refuse). */
  private static boolean backofficeOrOwn(Principal principal, CaseState state, long toewijzingNummer) {
    if (principal.isFor(Role.BACKOFFICE, state.gemeente())) return true;
    return state.toewijzing(toewijzingNummer).map(t -> principal.isAanbieder(t.aanbieder())).orElse(principal.is(Role.AANBIEDER));
  }
}
