package nl.regie.protocol.api;

import java.time.LocalDate;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Partij;

/**
 * One open case in the work queue (werkvoorraad): who must act next, and the running deadline that
 * is due first. Kept by the same projection as the case list, so it may lag the case by a moment.
 *
 * @param bsn masked: only the last four digits show, e.g. {@code *****3653}
 * @param aanZet who must act next (an open case always has one)
 * @param nextDeadline the running deadline due first; null when none runs
 */
public record WerkvoorraadView(
    String caseId,
    String gemeente,
    Fase fase,
    Partij aanZet,
    String bsn,
    LocalDate meldingOp,
    NextDeadline nextDeadline) {

  /**
   * A running deadline: open, or past due ({@code missed}: missed, or missed and escalated).
   *
   * @param responsible the party it waits for, e.g. {@code aanbieder:12345678} or {@code toegang:0983}
   * @param due the last day on which it is met
   */
  public record NextDeadline(String code, LocalDate due, String responsible, boolean missed) {}
}
