package nl.regie.loadtest.year;

/** One party's act on one case on one werkdag of the script; the request names Gatling reports under. */
public enum Step {
  /** Toegang: the melding, and the screening starts the same day. */
  MELDING,
  SCREENING_AFRONDEN,
  ONDERZOEK_AFRONDEN,
  AANVRAAG_ONTVANGEN,
  /** Backoffice: the beschikking; Regie writes a WMO301 to the aanbieder. */
  TOEWIJZEN,
  /** Aanbieder: reads the WMO301 from its outbox and, when it answers on time, sends the WMO302. */
  LEES_301,
  /** Aanbieder: a late WMO302. */
  WMO302,
  WMO305,
  WMO307
}
