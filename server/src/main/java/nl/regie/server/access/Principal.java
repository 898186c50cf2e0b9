package nl.regie.server.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who asks: the token's subject, its roles, the gemeenten (CBS codes) it acts for in a gemeente
 * role, and the AGB code it acts for as an aanbieder.
 */
public record Principal(String sub, Set<Role> roles, Set<String> gemeenten, String agb) {

  public Principal {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    gemeenten = Set.copyOf(gemeenten);
  }

  public boolean is(Role role) {
    return roles.contains(role);
  }

  /** Whether it holds {@code role} for gemeente {@code gemeente}. */
  public boolean isFor(Role role, String gemeente) {
    return is(role) && gemeente != null && gemeenten.contains(gemeente);
  }

  /** Whether it acts in any gemeente role (toegang, backoffice, supervisor) for {@code gemeente}. */
  public boolean actsFor(String gemeente) {
    return isFor(Role.TOEGANG, gemeente) || isFor(Role.BACKOFFICE, gemeente) || isFor(Role.SUPERVISOR, gemeente);
  }

  /** Whether it is the aanbieder {@code agb}. */
  public boolean isAanbieder(String agb) {
    return is(Role.AANBIEDER) && this.agb != null && this.agb.equals(agb);
  }

  /** The gemeenten it acts for in a gemeente role (toegang, backoffice, supervisor); none for an aanbieder or admin alone. */
  public Set<String> gemeentenInRole() {
    return is(Role.TOEGANG) || is(Role.BACKOFFICE) || is(Role.SUPERVISOR) ? gemeenten : Set.of();
  }
}
