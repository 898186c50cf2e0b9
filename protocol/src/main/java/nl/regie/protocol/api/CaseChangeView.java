package nl.regie.protocol.api;

import java.time.Instant;
import java.util.List;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Partij;

/**
 * One change of a case as the case stream tells it: where the case stands after one of its
 * events. Never the cliënt's BSN. {@code offset} orders the whole stream: a client that resumes
 * after the last offset it saw gets every later change once, in order.
 *
 * @param type the event, e.g. {@code MeldingOntvangen}
 * @param version the event's sequence number in its case: the version of the case list's row after it
 * @param at when the event happened
 * @param aanZet who must act next; null once the case ended
 * @param aanbieders the AGB codes with a toewijzing or a verzoek on the case, sorted
 */
public record CaseChangeView(
    String caseId,
    String gemeente,
    Fase fase,
    Partij aanZet,
    String type,
    long version,
    Instant at,
    long offset,
    Deadlines deadlines,
    List<String> aanbieders) {

  public CaseChangeView {
    aanbieders = List.copyOf(aanbieders);
  }

  /** The case's running deadlines: not yet due, and past due (missed or escalated). */
  public record Deadlines(int open, int missed) {}
}
