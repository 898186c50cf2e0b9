package nl.regie.protocol.cases;

/**
 * Where one verzoek of an aanbieder (a WMO315 product or a whole WMO317) stands. It is in
 * behandeling (iWmo TR374, OP350) from its acceptance until a WMO301 honours it or a WMO319 rejects
 * it; "in onderzoek" is an answer, not an end.
 */
public enum VerzoekStatus {
  /** Accepted, not answered yet. */
  ONTVANGEN,
  /** A WMO319 said "aanvraag in onderzoek"; a WMO301 or a rejection must follow. */
  IN_ONDERZOEK,
  /** A WMO319 rejected it. */
  AFGEWEZEN,
  /** A WMO301 honoured it, carrying its ReferentieAanbieder (TR379). */
  GEHONOREERD;

  /** Whether the aanbieder must still wait for a final answer (and may send no other verzoek). */
  public boolean isOnderhanden() {
    return this == ONTVANGEN || this == IN_ONDERZOEK;
  }

  /** Whether the gemeente has answered at all, finally or with "in onderzoek". */
  public boolean isBeantwoord() {
    return this != ONTVANGEN;
  }
}
