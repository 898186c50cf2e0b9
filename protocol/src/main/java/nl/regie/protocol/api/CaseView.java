package nl.regie.protocol.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.regie.protocol.zaak.Client;
import nl.regie.protocol.zaak.DeadlineStatus;
import nl.regie.protocol.zaak.Fase;
import nl.regie.protocol.zaak.Kanaal;
import nl.regie.protocol.zaak.Omvang;
import nl.regie.protocol.zaak.Partij;
import nl.regie.protocol.zaak.ToewijzingStatus;

/**
 * A case as the API shows it. {@code aanZet} says who must act next (absent once the case ended);
 * {@code deadlines} lists every deadline the case has had, running ones first; {@code version}
 * counts the events the case has seen.
 */
public record CaseView(
    String caseId,
    Fase fase,
    String gemeente,
    String regeling,
    Kanaal kanaal,
    String bsn,
    LocalDate meldingOp,
    Client client,
    Partij aanZet,
    List<ToewijzingView> toewijzingen,
    List<DeadlineView> deadlines,
    List<HistoryView> history,
    long version) {

  /** One toewijzing; {@code begindatum}/{@code stopdatum} are the actual start and end of care. */
  public record ToewijzingView(
      long toewijzingNummer,
      String product,
      String aanbieder,
      LocalDate ingangsdatum,
      LocalDate einddatum,
      Omvang omvang,
      ToewijzingStatus status,
      LocalDate begindatum,
      LocalDate stopdatum,
      String redenBeeindiging) {}

  /**
   * One deadline of the case: what must happen, by whom, by when, and where it stands. {@code
   * toewijzingNummer} or {@code aanbieder} say which part of the case it is about, when not all of it.
   */
  public record DeadlineView(
      String code,
      String omschrijving,
      String responsible,
      LocalDate due,
      DeadlineStatus status,
      Long toewijzingNummer,
      String aanbieder) {}

  /** Something that happened to the case, when, and its particulars. */
  public record HistoryView(Instant at, String type, Map<String, String> details) {}
}
