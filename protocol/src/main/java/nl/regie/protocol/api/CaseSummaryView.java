package nl.regie.protocol.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Partij;

/**
 * One case as the case list shows it: enough to find it and see where it stands, never the
 * cliënt's full BSN. It may lag the case by a moment (it is kept by a projection); {@code version}
 * says which event of the case it reflects.
 *
 * @param bsn masked: only the last four digits show, e.g. {@code *****3653}
 * @param aanZet who must act next; null once the case ended
 * @param aanbieders the AGB codes with a toewijzing or a verzoek on the case, sorted
 * @param openDeadlines running deadlines that are not due yet
 * @param missedDeadlines running deadlines that are past due (missed or escalated)
 * @param updatedAt when the last event the list reflects happened
 * @param version the sequence number of that event
 */
public record CaseSummaryView(
    String caseId,
    String gemeente,
    Fase fase,
    Partij aanZet,
    String bsn,
    LocalDate meldingOp,
    List<String> aanbieders,
    int openDeadlines,
    int missedDeadlines,
    Instant updatedAt,
    long version) {

  public CaseSummaryView {
    aanbieders = List.copyOf(aanbieders);
  }
}
