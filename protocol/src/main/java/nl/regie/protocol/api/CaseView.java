package nl.regie.protocol.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.cases.Partij;
import nl.regie.protocol.cases.ToewijzingStatus;
import nl.regie.protocol.cases.VerzoekProductSoort;
import nl.regie.protocol.cases.VerzoekStatus;

/**
 * A case as the API shows it. {@code aanZet} says who must act next (absent once the case ended);
 * {@code verzoeken} lists the aanbieders' verzoeken (WMO315, WMO317) the case received, oldest
 * first; {@code deadlines} lists every deadline the case has had, running ones first; {@code
 * version} counts the events the case has seen.
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
    List<VerzoekView> verzoeken,
    List<DeadlineView> deadlines,
    List<HistoryView> history,
    long version) {

  /** The same view with the BSN as {@code bsn} (masked, for whoever may not read it whole). */
  public CaseView withBsn(String bsn) {
    return new CaseView(caseId, fase, gemeente, regeling, kanaal, bsn, meldingOp, client, aanZet, toewijzingen, verzoeken,
        deadlines, history, version);
  }

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
   * One verzoek of an aanbieder: a product of a WMO315, or a whole WMO317, known by the aanbieder's
   * {@code referentieAanbieder}. {@code toewijzingNummers} are those of the WMO301 that honoured it;
   * {@code bericht} is where the verzoek itself can be read.
   */
  public record VerzoekView(
      String referentieAanbieder,
      String aanbieder,
      String berichtsoort,
      LocalDate dagtekening,
      VerzoekStatus status,
      String redenVerzoek,
      List<VerzoekProductView> producten,
      String redenAfwijzing,
      List<Long> toewijzingNummers,
      String bericht) {}

  /**
   * A product as the verzoek names it: a current toewijzing ({@code toewijzingNummer}) kept or
   * changed, or a product ({@code product}: a productcode, or only a categorie) asked for.
   */
  public record VerzoekProductView(
      VerzoekProductSoort soort,
      Long toewijzingNummer,
      String product,
      LocalDate ingangsdatum,
      LocalDate einddatum,
      Omvang omvang,
      Long budget) {}

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
