package nl.regie.server.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.zaak.Fase;
import nl.regie.server.cases.CaseEvent.AanvraagOntvangen;
import nl.regie.server.cases.CaseEvent.Afgewezen;
import nl.regie.server.cases.CaseEvent.AntwoordBevestigd;
import nl.regie.server.cases.CaseEvent.BerichtNietVerstuurd;
import nl.regie.server.cases.CaseEvent.BerichtVerstuurd;
import nl.regie.server.cases.CaseEvent.BerichtklasseBeoordeeld;
import nl.regie.server.cases.CaseEvent.DeadlineAlerted;
import nl.regie.server.cases.CaseEvent.DeadlineMet;
import nl.regie.server.cases.CaseEvent.DeadlineSet;
import nl.regie.server.cases.CaseEvent.DeadlineVervallen;
import nl.regie.server.cases.CaseEvent.DeclaratieBeantwoord;
import nl.regie.server.cases.CaseEvent.DeclaratieOntvangen;
import nl.regie.server.cases.CaseEvent.Ingetrokken;
import nl.regie.server.cases.CaseEvent.MeldingOntvangen;
import nl.regie.server.cases.CaseEvent.OnderzoekAfgerond;
import nl.regie.server.cases.CaseEvent.Overgedragen;
import nl.regie.server.cases.CaseEvent.PrestatieToegekend;
import nl.regie.server.cases.CaseEvent.ScreeningAfgerond;
import nl.regie.server.cases.CaseEvent.ScreeningGestart;
import nl.regie.server.cases.CaseEvent.StartVerwijderd;
import nl.regie.server.cases.CaseEvent.StopVerwijderd;
import nl.regie.server.cases.CaseEvent.Toegewezen;
import nl.regie.server.cases.CaseEvent.ToewijzingBevestigd;
import nl.regie.server.cases.CaseEvent.VerzoekBeantwoord;
import nl.regie.server.cases.CaseEvent.VerzoekGehonoreerd;
import nl.regie.server.cases.CaseEvent.VerzoekOntvangen;
import nl.regie.server.cases.CaseEvent.ZorgGestart;
import nl.regie.server.cases.CaseEvent.ZorgGestopt;

/**
 * Which {@link Gebeurtenis}sen a case event amounts to, with the dates deadlines count from: what
 * the deadline planning follows. One event can be several (a toewijzen sends a WMO301 to each
 * aanbieder and opens the period of each toewijzing), and the deadline bookkeeping is none.
 */
final class CaseOccurrences implements CaseEvent.Visitor<List<Occurrence>> {

  private final CaseState before;
  private final CaseState after;
  private final LocalDate today;

  private CaseOccurrences(CaseState before, CaseState after, LocalDate today) {
    this.before = before;
    this.after = after;
    this.today = today;
  }

  /**
   * @param before the state before {@code event}
   * @param after the state after it
   * @param today the day it was recorded, for events that count from that day
   */
  static List<Occurrence> of(CaseEvent event, CaseState before, CaseState after, LocalDate today) {
    return event.accept(new CaseOccurrences(before, after, today));
  }

  @Override
  public List<Occurrence> meldingOntvangen(MeldingOntvangen e) {
    return List.of(Occurrence.ofCase(Gebeurtenis.MELDING, e.meldingOp()));
  }

  @Override
  public List<Occurrence> screeningGestart(ScreeningGestart e) {
    return List.of(Occurrence.ofCase(Gebeurtenis.SCREENING_GESTART, today));
  }

  @Override
  public List<Occurrence> screeningAfgerond(ScreeningAfgerond e) {
    return List.of(Occurrence.ofCase(Gebeurtenis.SCREENING_AFGEROND, today));
  }

  @Override
  public List<Occurrence> overgedragen(Overgedragen e) {
    return List.of();
  }

  @Override
  public List<Occurrence> onderzoekAfgerond(OnderzoekAfgerond e) {
    return List.of(Occurrence.ofCase(Gebeurtenis.VERSLAG_VERSTUURD, e.verslagVerstuurdOp()));
  }

  @Override
  public List<Occurrence> aanvraagOntvangen(AanvraagOntvangen e) {
    return List.of(Occurrence.ofCase(Gebeurtenis.AANVRAAG_ONTVANGEN, e.ondertekendOp()));
  }

  @Override
  public List<Occurrence> toegewezen(Toegewezen e) {
    List<Occurrence> occurrences = new ArrayList<>();
    occurrences.add(Occurrence.ofCase(Gebeurtenis.BESCHIKT, e.beschiktOp()));
    e.toewijzingen().stream().map(Toewijzing::aanbieder).distinct()
        .forEach(agb -> occurrences.add(Occurrence.ofAanbieder(Gebeurtenis.WMO301_VERSTUURD, agb, today)));
    for (Toewijzing t : e.toewijzingen()) {
      occurrences.add(Occurrence.ofToewijzing(Gebeurtenis.TOEWIJZING_INGANG, t, t.ingangsdatum()));
      if (t.einddatum() != null) occurrences.add(Occurrence.ofToewijzing(Gebeurtenis.TOEWIJZING_EINDE, t, t.einddatum()));
    }
    return occurrences;
  }

  @Override
  public List<Occurrence> zorgGestart(ZorgGestart e) {
    return List.of(Occurrence.ofToewijzing(Gebeurtenis.ZORG_GESTART, after.toewijzing(e.toewijzingNummer()).orElseThrow(), e.begindatum()));
  }

  @Override
  public List<Occurrence> zorgGestopt(ZorgGestopt e) {
    Toewijzing t = after.toewijzing(e.toewijzingNummer()).orElseThrow();
    Gebeurtenis g = e.reden().isTijdelijk() ? Gebeurtenis.ZORG_ONDERBROKEN : Gebeurtenis.ZORG_GESTOPT;
    List<Occurrence> occurrences = new ArrayList<>(List.of(Occurrence.ofToewijzing(g, t, e.einddatum())));
    if (before.fase() != Fase.STOP && after.fase() == Fase.STOP) occurrences.add(Occurrence.ofCase(Gebeurtenis.CASE_GESTOPT, today));
    return occurrences;
  }

  @Override
  public List<Occurrence> startVerwijderd(StartVerwijderd e) {
    return List.of();
  }

  @Override
  public List<Occurrence> stopVerwijderd(StopVerwijderd e) {
    return List.of();
  }

  /** A WMO305 or WMO307 is answered with its retour in the same request that judges it; a bericht is received once. */
  @Override
  public List<Occurrence> berichtklasseBeoordeeld(BerichtklasseBeoordeeld e) {
    boolean eersteKlasse = before.berichtklassen().keySet().stream().noneMatch(ref -> ref.startsWith(e.berichtPrefix()));
    if (!eersteKlasse) return List.of();
    return switch (e.berichtsoort()) {
      case "WMO305" -> List.of(Occurrence.ofAanbieder(Gebeurtenis.WMO305_ONTVANGEN, e.afzender(), today),
          Occurrence.ofAanbieder(Gebeurtenis.WMO306_VERSTUURD, e.afzender(), today));
      case "WMO307" -> List.of(Occurrence.ofAanbieder(Gebeurtenis.WMO307_ONTVANGEN, e.afzender(), today),
          Occurrence.ofAanbieder(Gebeurtenis.WMO308_VERSTUURD, e.afzender(), today));
      default -> List.of();
    };
  }

  @Override
  public List<Occurrence> berichtVerstuurd(BerichtVerstuurd e) {
    return List.of();
  }

  @Override
  public List<Occurrence> berichtNietVerstuurd(BerichtNietVerstuurd e) {
    return List.of();
  }

  @Override
  public List<Occurrence> verzoekOntvangen(VerzoekOntvangen e) {
    return Verzoeken.ontvangen(e, today);
  }

  @Override
  public List<Occurrence> verzoekBeantwoord(VerzoekBeantwoord e) {
    return Verzoeken.beantwoord(e, before, after, today);
  }

  @Override
  public List<Occurrence> verzoekGehonoreerd(VerzoekGehonoreerd e) {
    return Verzoeken.gehonoreerd(e, before, after, today);
  }

  @Override
  public List<Occurrence> antwoordBevestigd(AntwoordBevestigd e) {
    return List.of(Occurrence.ofAanbieder(Gebeurtenis.WMO320_ONTVANGEN, e.aanbieder(), today));
  }

  @Override
  public List<Occurrence> declaratieOntvangen(DeclaratieOntvangen e) {
    return List.of(Occurrence.ofCase(Gebeurtenis.WMO323_ONTVANGEN, e.ontvangenOp()));
  }

  @Override
  public List<Occurrence> prestatieToegekend(PrestatieToegekend e) {
    return List.of();
  }

  @Override
  public List<Occurrence> declaratieBeantwoord(DeclaratieBeantwoord e) {
    return List.of(Occurrence.ofCase(Gebeurtenis.WMO325_VERSTUURD, today));
  }

  @Override
  public List<Occurrence> ingetrokken(Ingetrokken e) {
    return List.of(Occurrence.ofCase(Gebeurtenis.INGETROKKEN, today));
  }

  @Override
  public List<Occurrence> afgewezen(Afgewezen e) {
    return List.of(Occurrence.ofCase(Gebeurtenis.AFGEWEZEN, today));
  }

  @Override
  public List<Occurrence> toewijzingBevestigd(ToewijzingBevestigd e) {
    return List.of(Occurrence.ofAanbieder(Gebeurtenis.WMO302_ONTVANGEN, e.aanbieder(), today));
  }

  @Override
  public List<Occurrence> deadlineSet(DeadlineSet e) {
    return List.of();
  }

  @Override
  public List<Occurrence> deadlineMet(DeadlineMet e) {
    return List.of();
  }

  @Override
  public List<Occurrence> deadlineAlerted(DeadlineAlerted e) {
    return List.of();
  }

  @Override
  public List<Occurrence> deadlineVervallen(DeadlineVervallen e) {
    return List.of();
  }
}
