package nl.regie.protocol.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.regeling.Scope;

/**
 * A step of the seeds' werkwijze that Regie records but that needs no decision of its own: it
 * happened, on a date, about an aanbieder or a toewijzing, and it starts or meets a deadline (its
 * {@link Gebeurtenis}). Each is an action of the case API named {@link #action()}.
 */
public enum Stap {
  /** Steps 1-3 of the onderzoek are done: the inwoner chose an aanbieder (001, 003: D2). */
  AANBIEDER_GEKOZEN(Gebeurtenis.AANBIEDER_GEKOZEN),
  /** The toegang sent the aanbieder the format for the matchingsgesprek (002: D4). */
  MATCHINGSFORMAT_VERSTUURD(Gebeurtenis.MATCHINGSFORMAT_VERSTUURD),
  /** The aanbieder held the matchingsgesprek and returned the form (002: D4). */
  MATCHINGSGESPREK_GEHOUDEN(Gebeurtenis.MATCHINGSGESPREK_GEHOUDEN),
  /** The toegang asked the aanbieder for an ondersteuningsplan (001, 003: D5). */
  ONDERSTEUNINGSPLAN_GEVRAAGD(Gebeurtenis.ONDERSTEUNINGSPLAN_GEVRAAGD),
  /** The aanbieder delivered the ondersteuningsplan (D5). */
  ONDERSTEUNINGSPLAN_ONTVANGEN(Gebeurtenis.ONDERSTEUNINGSPLAN_ONTVANGEN),
  /** The aanbieder delivered the plan van aanpak of a toewijzing to the toegang (002: D18). */
  PLAN_VAN_AANPAK_ONTVANGEN(Gebeurtenis.PLAN_VAN_AANPAK_ONTVANGEN),
  /** A verlenging or vervolg of a toewijzing was requested, with its evaluatie (001, 004: D19). */
  VERLENGING_AANGEVRAAGD(Gebeurtenis.VERLENGING_AANGEVRAAGD),
  /** A calamiteit or geweldsincident happened in the cliënt's care (004 §7: D26). */
  CALAMITEIT_VOORGEVALLEN(Gebeurtenis.CALAMITEIT_VOORGEVALLEN),
  /** The aanbieder reported it to the toezichthouder (D26). */
  CALAMITEIT_GEMELD(Gebeurtenis.CALAMITEIT_GEMELD),
  /** The ontvangende gemeente's consulent reacted to a verhuizing request (004 werkwijze A: D23). */
  VERHUIZING_BEANTWOORD(Gebeurtenis.VERHUIZING_BEANTWOORD);

  private final Gebeurtenis gebeurtenis;

  Stap(Gebeurtenis gebeurtenis) {
    this.gebeurtenis = gebeurtenis;
  }

  public Gebeurtenis gebeurtenis() {
    return gebeurtenis;
  }

  /** What the step is about: an aanbieder, a toewijzing, or the whole case. */
  public Scope scope() {
    return gebeurtenis.scope();
  }

  /** The case API's action: the name in lower case with hyphens ({@code plan-van-aanpak-ontvangen}). */
  public String action() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Stap> ofAction(String action) {
    return Arrays.stream(values()).filter(s -> s.action().equals(action)).findFirst();
  }
}
