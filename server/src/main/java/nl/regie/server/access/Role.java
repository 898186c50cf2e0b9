package nl.regie.server.access;

import java.util.Locale;
import java.util.Optional;

/** What a principal does for its organisation, as its token's {@code roles} claim says. */
public enum Role {
  /** The gemeente's Wmo-consulent: from the melding to the aanvraag. */
  TOEGANG,
  /** The gemeente's backoffice: beschikking, toewijzingen, answers to verzoeken. */
  BACKOFFICE,
  /** Reads the cases and alerts of its gemeenten, and their audit trail. */
  SUPERVISOR,
  /** A zorgaanbieder (its {@code agb}): its own toewijzingen, berichten and outbox. */
  AANBIEDER,
  /** Operates Regie: the virtual clock, the audit trail, berichten on anyone's behalf. */
  ADMIN;

  public String claim() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> ofClaim(String claim) {
    for (Role role : values()) if (role.claim().equals(claim)) return Optional.of(role);
    return Optional.empty();
  }
}
