package nl.regie.loadtest.year;

/** One party's act on one case on one werkdag of the script; the request names Gatling reports under. */
public enum Step {
  /** Toegang: the melding, and the screening starts the same day. */
  MELDING,
  SCREENING_AFRONDEN,
  ONDERZOEK_AFRONDEN,
  AANVRAAG_ONTVANGEN,
  /** Aanbieder: a verzoek om toewijzing, whose WMO316 must accept it. */
  WMO315,
  /** Backoffice: the beschikking (honouring the WMO315, or rejecting it first); Regie writes a WMO301 to the aanbieder. */
  TOEWIJZEN,
  /** Aanbieder: reads the WMO301 (and any WMO319) from its outbox, answers the 301 with a WMO302 when on time and each 319 with a WMO320. */
  LEES_301,
  /** Aanbieder: a late WMO302. */
  WMO302,
  WMO305,
  /** Aanbieder (lange zorg): the plan van aanpak of each toewijzing D18 asks one for. */
  PLAN_VAN_AANPAK,
  /** Aanbieder: a verzoek om wijziging, whose WMO318 must accept it. */
  WMO317,
  /** Backoffice: honours the WMO317 with a toewijzing, or rejects it with a WMO319. */
  VERZOEK_BEANTWOORDEN,
  /** Aanbieder: reads the answer (a WMO301 it confirms, or a WMO319 it returns). */
  LEES_ANTWOORD,
  /** Aanbieder: starts the product the honoured WMO317 added. */
  WMO305_NIEUW,
  WMO307,
  /** Aanbieder: the declaratie of the first month of care, whose WMO325 must grant it. */
  WMO323
}
