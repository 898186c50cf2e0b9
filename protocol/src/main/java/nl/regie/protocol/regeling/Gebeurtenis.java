package nl.regie.protocol.regeling;

/**
 * The things that happen to a case and that start or meet a deadline ({@code start} and {@code
 * voldaan} in a rulebook's {@code termijnen}). Each names its {@link Scope} and the date a
 * deadline counts from when it starts one.
 */
public enum Gebeurtenis {
  /** A melding was registered; counts from {@code meldingOp}. */
  MELDING(Scope.CASE, "the meldingOp date"),
  SCREENING_GESTART(Scope.CASE, "the day it was recorded"),
  SCREENING_AFGEROND(Scope.CASE, "the day it was recorded"),
  /** The onderzoeksverslag went to the inwoner; counts from {@code verslagVerstuurdOp}. */
  VERSLAG_VERSTUURD(Scope.CASE, "the verslagVerstuurdOp date"),
  /** The signed verslag came back: the aanvraag; counts from {@code ondertekendOp}. */
  AANVRAAG_ONTVANGEN(Scope.CASE, "the ondertekendOp date"),
  /** A beschikking assigned products; counts from {@code beschiktOp}. */
  BESCHIKT(Scope.CASE, "the beschiktOp date"),
  /** A WMO301 went to one aanbieder (one per aanbieder per toewijzen); counts from the day it was sent. */
  WMO301_VERSTUURD(Scope.AANBIEDER, "the day it was sent"),
  /** The aanbieder confirmed the toewijzing with a WMO302; counts from the day it came in. */
  WMO302_ONTVANGEN(Scope.AANBIEDER, "the day it came in"),
  /**
   * An aanbieder's verzoek om toewijzing (WMO315) was accepted: it is in behandeling (OP350);
   * counts from the day it came in.
   */
  WMO315_ONTVANGEN(Scope.AANBIEDER, "the day it came in"),
  /** Regie answered a WMO315 with its retour, which it does at once; counts from that day. */
  WMO316_VERSTUURD(Scope.AANBIEDER, "the day it was sent"),
  /** An aanbieder's verzoek om wijziging (WMO317) was accepted; counts from the day it came in. */
  WMO317_ONTVANGEN(Scope.AANBIEDER, "the day it came in"),
  /** Regie answered a WMO317 with its retour, which it does at once; counts from that day. */
  WMO318_VERSTUURD(Scope.AANBIEDER, "the day it was sent"),
  /** A WMO319 answer went to one aanbieder; counts from the day it was sent. */
  WMO319_VERSTUURD(Scope.AANBIEDER, "the day it was sent"),
  /** The aanbieder returned that WMO319 with a WMO320; counts from the day it came in. */
  WMO320_ONTVANGEN(Scope.AANBIEDER, "the day it came in"),
  /**
   * Every product of the aanbieder's verzoek has had a first answer: a WMO301 that honours it or a
   * WMO319 (OP274, OP346); counts from the day of the last one.
   */
  VERZOEK_BEANTWOORD(Scope.AANBIEDER, "the day of the last answer"),
  /**
   * A WMO319 said a verzoek is "in onderzoek"; the final answer is due counted from the verzoek's
   * own Dagtekening (OP274, OP346).
   */
  VERZOEK_IN_ONDERZOEK(Scope.AANBIEDER, "the Dagtekening of the verzoek"),
  /**
   * Every product of the aanbieder's verzoek has its final answer: honoured by a WMO301 or rejected
   * by a WMO319 (TR374); counts from the day of the last one.
   */
  VERZOEK_AFGEHANDELD(Scope.AANBIEDER, "the day of the last answer"),
  /** A toewijzing's period begins: counts from its {@code ingangsdatum} (planned start of care). */
  TOEWIJZING_INGANG(Scope.TOEWIJZING, "the toewijzing's ingangsdatum"),
  /** A toewijzing's period ends: counts from its {@code einddatum}; only for toewijzingen that have one. */
  TOEWIJZING_EINDE(Scope.TOEWIJZING, "the toewijzing's einddatum"),
  /** A WMO305 of an aanbieder was judged (whatever its codes); counts from the day it came in. */
  WMO305_ONTVANGEN(Scope.AANBIEDER, "the day it came in"),
  /** Regie answered a WMO305 with its WMO306, which it does at once; counts from that day. */
  WMO306_VERSTUURD(Scope.AANBIEDER, "the day it was sent"),
  /** A WMO307 of an aanbieder was judged (whatever its codes); counts from the day it came in. */
  WMO307_ONTVANGEN(Scope.AANBIEDER, "the day it came in"),
  /** Regie answered a WMO307 with its WMO308, which it does at once; counts from that day. */
  WMO308_VERSTUURD(Scope.AANBIEDER, "the day it was sent"),
  /** Care under a toewijzing started (WMO305); counts from its {@code begindatum}. */
  ZORG_GESTART(Scope.TOEWIJZING, "the begindatum"),
  /** Care was interrupted (WMO307 reden 20); counts from its {@code einddatum}. */
  ZORG_ONDERBROKEN(Scope.TOEWIJZING, "the einddatum of the interruption"),
  /** Care under a toewijzing stopped for good (WMO307); counts from its {@code einddatum}. */
  ZORG_GESTOPT(Scope.TOEWIJZING, "the einddatum"),
  /**
   * A declaratie (WMO323) with prestaties under this case's toewijzingen came in; counts from the
   * day it came in. One per case: a declaratie for several cliënten starts one in each case.
   */
  WMO323_ONTVANGEN(Scope.CASE, "the day it came in"),
  /** The declaratie-antwoord (WMO325) to that declaratie went out; counts from the day it was sent. */
  WMO325_VERSTUURD(Scope.CASE, "the day it was sent"),
  /**
   * The gemeente ended a toewijzing before its time, for good (a RedenWijziging that ends it:
   * overlijden, verhuizing, wisseling, verkorting, uitstroom, verwijderd); counts from the new
   * einddatum. A change that keeps it living (a verlenging) is a new TOEWIJZING_EINDE instead.
   * Either way the deadlines counted from the old einddatum lapse.
   */
  TOEWIJZING_BEEINDIGD(Scope.TOEWIJZING, "the new einddatum"),
  /** A toewijzing's einddatum has passed: it ended by itself; counts from its einddatum. */
  TOEWIJZING_AFGELOPEN(Scope.TOEWIJZING, "the einddatum"),
  /** A verlenging (or vervolg) of a toewijzing was requested; counts from the day it was recorded. */
  VERLENGING_AANGEVRAAGD(Scope.TOEWIJZING, "the day it was recorded"),
  /** The toegang finished steps 1-3 of the onderzoek with the keuze aanbieder (001, 003); counts from that day. */
  AANBIEDER_GEKOZEN(Scope.CASE, "the day given"),
  /** The toegang sent an aanbieder the format for the matchingsgesprek (002); counts from that day. */
  MATCHINGSFORMAT_VERSTUURD(Scope.AANBIEDER, "the day given"),
  /** The aanbieder held the matchingsgesprek and returned the form (002); counts from that day. */
  MATCHINGSGESPREK_GEHOUDEN(Scope.AANBIEDER, "the day given"),
  /** The toegang asked an aanbieder for an ondersteuningsplan (001, 003); counts from that day. */
  ONDERSTEUNINGSPLAN_GEVRAAGD(Scope.AANBIEDER, "the day given"),
  /** The aanbieder delivered the ondersteuningsplan; counts from that day. */
  ONDERSTEUNINGSPLAN_ONTVANGEN(Scope.AANBIEDER, "the day given"),
  /** The aanbieder delivered the plan van aanpak for a toewijzing to the toegang (002); counts from that day. */
  PLAN_VAN_AANPAK_ONTVANGEN(Scope.TOEWIJZING, "the day given"),
  /** A calamiteit or geweldsincident happened at an aanbieder (004 §7); counts from the day it happened. */
  CALAMITEIT_VOORGEVALLEN(Scope.AANBIEDER, "the day it happened"),
  /** The aanbieder reported the calamiteit to the toezichthouder; counts from that day. */
  CALAMITEIT_GEMELD(Scope.AANBIEDER, "the day given"),
  /** The latende gemeente asked an ontvangende gemeente to take the cliënt over (004, verhuizing); counts from that day. */
  VERHUIZING_GEMELD(Scope.CASE, "the day it was recorded"),
  /** The ontvangende gemeente's consulent reacted to the request (004 werkwijze A step 3); counts from that day. */
  VERHUIZING_BEANTWOORD(Scope.CASE, "the day given"),
  /** The ontvangende gemeente checked the dossier (vergewisplicht) and took the case over; counts from that day. */
  VERHUIZING_OVERGEDRAGEN(Scope.CASE, "the day it was recorded"),
  /** The cliënt died; counts from the date of death. */
  OVERLEDEN(Scope.CASE, "the date of death"),
  /** Every toewijzing has stopped: the case is in fase STOP. */
  CASE_GESTOPT(Scope.CASE, "the day it was recorded"),
  /** The melding was withdrawn. Ends every open deadline of the case. */
  INGETROKKEN(Scope.CASE, "the day it was recorded"),
  /** The aanvraag was rejected. Ends every open deadline of the case. */
  AFGEWEZEN(Scope.CASE, "the day it was recorded");

  private final Scope scope;
  private final String countsFrom;

  Gebeurtenis(Scope scope, String countsFrom) {
    this.scope = scope;
    this.countsFrom = countsFrom;
  }

  public Scope scope() {
    return scope;
  }

  /** The date a deadline started by this event counts from, for documentation and messages. */
  public String countsFrom() {
    return countsFrom;
  }

  /** Whether this event ends the case, so that every open deadline lapses. */
  public boolean isEinde() {
    return this == INGETROKKEN || this == AFGEWEZEN;
  }
}
