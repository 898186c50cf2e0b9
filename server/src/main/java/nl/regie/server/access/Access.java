package nl.regie.server.access;

import nl.regie.protocol.api.CaseView;

/**
 * Who may see and do what, on a case as it is now. The rules that need the case's state run in
 * the case itself ({@code CaseEntity}, for a command that came on a principal's behalf); the
 * others at the edge. A case a principal may not see answers as if it did not exist; an action a
 * principal may not take on a case it sees is refused as forbidden.
 *
 * <ul>
 *   <li>toegang, backoffice and supervisor see the cases whose gemeente is one of theirs (now: a
 *       case handed over leaves the first gemeente's reach);
 *   <li>an aanbieder sees the cases with a toewijzing or a verzoek of its own AGB;
 *   <li>admin sees no case: it operates Regie.
 * </ul>
 */
public final class Access {

  private Access() {}

  /** Who may see a case of {@code gemeente} in which {@code aanbieders} have toewijzingen or verzoeken. */
  public static boolean sees(Principal principal, String gemeente, java.util.Collection<String> aanbieders) {
    if (principal.actsFor(gemeente)) return true;
    return principal.is(Role.AANBIEDER) && aanbieders.contains(principal.agb());
  }

  /** Who may open a case at {@code gemeente}: its toegang. */
  public static boolean mayOpen(Principal principal, String gemeente) {
    return principal.isFor(Role.TOEGANG, gemeente);
  }

  /** Whether {@code principal} may post an iWmo bericht with Afzender {@code afzender}: its own AGB, or admin's any. */
  public static boolean mayPostAs(Principal principal, String afzender) {
    return principal.is(Role.ADMIN) || principal.isAanbieder(afzender);
  }

  /**
   * Whether {@code principal} may read a stored bericht: its sender's and its receiver's (an
   * aanbieder by its AGB, a gemeente's roles by its CBS code), and admin's.
   */
  public static boolean readsBericht(Principal principal, String afzender, String ontvanger) {
    if (principal.is(Role.ADMIN)) return true;
    return principal.isAanbieder(afzender) || principal.isAanbieder(ontvanger)
        || principal.actsFor(afzender) || principal.actsFor(ontvanger);
  }

  /** Whether {@code principal} reads the outbox of aanbieder {@code agb}: its own, or admin any. */
  public static boolean readsOutboxOf(Principal principal, String agb) {
    return principal.is(Role.ADMIN) || principal.isAanbieder(agb);
  }

  /**
   * Whether {@code principal} reads the CAK aanlevering of {@code gemeente}, full BSNs and all: its
   * backoffice, which passes it to the CAK, and its supervisors. Not the toegang, not an aanbieder.
   */
  public static boolean readsCak(Principal principal, String gemeente) {
    return principal.isFor(Role.BACKOFFICE, gemeente) || principal.isFor(Role.SUPERVISOR, gemeente);
  }

  /** Whether {@code principal} reads the cliënt's BSN whole in {@code view}; others see {@link #masked}. */
  public static CaseView shown(Principal principal, CaseView view) {
    return principal.actsFor(view.gemeente()) ? view : view.withBsn(masked(view.bsn()));
  }

  /** A BSN as everyone outside the case's gemeente sees it: its last four digits ({@code *****3653}), never more. */
  public static String masked(String bsn) {
    if (bsn == null) return null;
    int shown = Math.min(4, Math.max(0, bsn.length() - 4));
    return "*".repeat(bsn.length() - shown) + bsn.substring(bsn.length() - shown);
  }
}
