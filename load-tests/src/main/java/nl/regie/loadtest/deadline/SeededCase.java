package nl.regie.loadtest.deadline;

import java.time.Instant;
import java.time.LocalDate;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.Kanaal;

/**
 * One passivated case as the seeder writes it: a melding and one open deadline (no warning, no
 * escalation), recorded together at {@code at}.
 *
 * @param caseId a random (version 4) UUID, as the server gives a new case
 * @param writer the journal's writer id of the case's one incarnation
 * @param client absent for some meldingen, as the API allows
 * @param due the deadline's due date; it is missed at {@code missedAt}, the start of the next day
 *     in the deadline zone
 * @param tag the tag of the case's events (the server's {@code CaseSettings.tagFor})
 */
public record SeededCase(
    String caseId,
    String writer,
    String bsn,
    String gemeente,
    Kanaal kanaal,
    LocalDate meldingOp,
    Client client,
    Instant at,
    LocalDate due,
    Instant missedAt,
    String tag) {

  public String persistenceId() {
    return "Case|" + caseId;
  }
}
