package nl.regie.server.cak;

import java.util.List;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.server.cases.CaseEvent;

/**
 * The one place that says which case events matter to the CAK, and as what: the melding (BSN,
 * gemeente, regeling), a handover, the toewijzingen (product, aanbieder), and every start and stop
 * of care and their withdrawals. Everything else is nothing to the CAK. An event that ends care
 * some other way (a toewijzing that ends by itself, an overlijden) belongs here as a {@link
 * CakFeit.Gestopt} for each toewijzing whose care it ends.
 */
public final class CakFeiten implements CaseEvent.Visitor<List<CakFeit>> {

  static final CakFeiten INSTANCE = new CakFeiten();

  private CakFeiten() {}

  public static List<CakFeit> of(CaseEvent event) {
    return event.accept(INSTANCE);
  }

  @Override
  public List<CakFeit> meldingOntvangen(CaseEvent.MeldingOntvangen e) {
    return List.of(new CakFeit.Gemeld(e.bsn(), e.gemeente(), e.regeling()));
  }

  @Override
  public List<CakFeit> overgedragen(CaseEvent.Overgedragen e) {
    return List.of(new CakFeit.Overgedragen(e.naar()));
  }

  @Override
  public List<CakFeit> toegewezen(CaseEvent.Toegewezen e) {
    return e.toewijzingen().stream().<CakFeit>map(t -> new CakFeit.Toegewezen(t.nummer(), t.product(), t.aanbieder())).toList();
  }

  @Override
  public List<CakFeit> zorgGestart(CaseEvent.ZorgGestart e) {
    return List.of(new CakFeit.Gestart(e.toewijzingNummer(), e.begindatum()));
  }

  @Override
  public List<CakFeit> zorgGestopt(CaseEvent.ZorgGestopt e) {
    return List.of(new CakFeit.Gestopt(e.toewijzingNummer(), e.einddatum(), e.reden()));
  }

  @Override
  public List<CakFeit> startVerwijderd(CaseEvent.StartVerwijderd e) {
    return List.of(new CakFeit.StartVerwijderd(e.toewijzingNummer(), e.begindatum()));
  }

  @Override
  public List<CakFeit> stopVerwijderd(CaseEvent.StopVerwijderd e) {
    return List.of(new CakFeit.StopVerwijderd(e.toewijzingNummer(), e.begindatum()));
  }

  // --- nothing to the CAK ---

  @Override
  public List<CakFeit> screeningGestart(CaseEvent.ScreeningGestart e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> screeningAfgerond(CaseEvent.ScreeningAfgerond e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> onderzoekAfgerond(CaseEvent.OnderzoekAfgerond e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> aanvraagOntvangen(CaseEvent.AanvraagOntvangen e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> berichtklasseBeoordeeld(CaseEvent.BerichtklasseBeoordeeld e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> berichtVerstuurd(CaseEvent.BerichtVerstuurd e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> berichtNietVerstuurd(CaseEvent.BerichtNietVerstuurd e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> verzoekOntvangen(CaseEvent.VerzoekOntvangen e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> verzoekBeantwoord(CaseEvent.VerzoekBeantwoord e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> verzoekGehonoreerd(CaseEvent.VerzoekGehonoreerd e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> antwoordBevestigd(CaseEvent.AntwoordBevestigd e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> declaratieOntvangen(CaseEvent.DeclaratieOntvangen e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> prestatieToegekend(CaseEvent.PrestatieToegekend e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> declaratieBeantwoord(CaseEvent.DeclaratieBeantwoord e) {
    return CakFeit.geen();
  }

  /** A case is withdrawn or refused only before its aanvraag, so before any care: nothing for the CAK. */
  @Override
  public List<CakFeit> ingetrokken(CaseEvent.Ingetrokken e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> afgewezen(CaseEvent.Afgewezen e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> toewijzingBevestigd(CaseEvent.ToewijzingBevestigd e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> deadlineSet(CaseEvent.DeadlineSet e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> deadlineMet(CaseEvent.DeadlineMet e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> deadlineAlerted(CaseEvent.DeadlineAlerted e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> deadlineVervallen(CaseEvent.DeadlineVervallen e) {
    return CakFeit.geen();
  }

  /** A new einddatum is no end of care yet: the care ends with a WMO307 or when the toewijzing runs out. */
  @Override
  public List<CakFeit> toewijzingGewijzigd(CaseEvent.ToewijzingGewijzigd e) {
    return CakFeit.geen();
  }

  /** Care that still ran when the toewijzing ran out ended with it (no WMO307 at the planned end, 003). */
  @Override
  public List<CakFeit> toewijzingAfgelopen(CaseEvent.ToewijzingAfgelopen e) {
    return e.leveringGesloten()
        ? List.of(new CakFeit.Gestopt(e.toewijzingNummer(), e.einddatum(), RedenBeeindiging.VOLGENS_PLAN))
        : CakFeit.geen();
  }

  /** The toewijzingen end through their own events; the care through the WMO307 or the einddatum. */
  @Override
  public List<CakFeit> overleden(CaseEvent.Overleden e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> stapGezet(CaseEvent.StapGezet e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> verhuizingGemeld(CaseEvent.VerhuizingGemeld e) {
    return CakFeit.geen();
  }

  @Override
  public List<CakFeit> grouped(CaseEvent.Grouped e) {
    throw new IllegalStateException("a group reaches the handler unpacked (GroupedEvents)");
  }
}
