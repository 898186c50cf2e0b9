package nl.regie.server.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.cases.Fase;
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
final class CaseGebeurtenissen implements CaseEvent.Visitor<List<CaseGebeurtenis>> {

  private final CaseState before;
  private final CaseState after;
  private final LocalDate today;

  private CaseGebeurtenissen(CaseState before, CaseState after, LocalDate today) {
    this.before = before;
    this.after = after;
    this.today = today;
  }

  /**
   * @param before the state before {@code event}
   * @param after the state after it
   * @param today the day it was recorded, for events that count from that day
   */
  static List<CaseGebeurtenis> of(CaseEvent event, CaseState before, CaseState after, LocalDate today) {
    return event.accept(new CaseGebeurtenissen(before, after, today));
  }

  @Override
  public List<CaseGebeurtenis> meldingOntvangen(MeldingOntvangen e) {
    return List.of(CaseGebeurtenis.ofCase(Gebeurtenis.MELDING, e.meldingOp()));
  }

  @Override
  public List<CaseGebeurtenis> screeningGestart(ScreeningGestart e) {
    return List.of(CaseGebeurtenis.ofCase(Gebeurtenis.SCREENING_GESTART, today));
  }

  @Override
  public List<CaseGebeurtenis> screeningAfgerond(ScreeningAfgerond e) {
    return List.of(CaseGebeurtenis.ofCase(Gebeurtenis.SCREENING_AFGEROND, today));
  }

  /** A handover that completes a verhuizing is the ontvangende gemeente's vergewis check done. */
  @Override
  public List<CaseGebeurtenis> overgedragen(Overgedragen e) {
    boolean verhuizing = before.lopendeVerhuizing().filter(v -> v.naar().equals(e.naar())).isPresent();
    return verhuizing ? List.of(CaseGebeurtenis.ofCase(Gebeurtenis.VERHUIZING_OVERGEDRAGEN, today)) : List.of();
  }

  @Override
  public List<CaseGebeurtenis> onderzoekAfgerond(OnderzoekAfgerond e) {
    return List.of(CaseGebeurtenis.ofCase(Gebeurtenis.VERSLAG_VERSTUURD, e.verslagVerstuurdOp()));
  }

  @Override
  public List<CaseGebeurtenis> aanvraagOntvangen(AanvraagOntvangen e) {
    return List.of(CaseGebeurtenis.ofCase(Gebeurtenis.AANVRAAG_ONTVANGEN, e.ondertekendOp()));
  }

  @Override
  public List<CaseGebeurtenis> toegewezen(Toegewezen e) {
    List<CaseGebeurtenis> occurrences = new ArrayList<>();
    occurrences.add(CaseGebeurtenis.ofCase(Gebeurtenis.BESCHIKT, e.beschiktOp()));
    e.toewijzingen().stream().map(Toewijzing::aanbieder).distinct()
        .forEach(agb -> occurrences.add(CaseGebeurtenis.ofAanbieder(Gebeurtenis.WMO301_VERSTUURD, agb, today)));
    for (Toewijzing t : e.toewijzingen()) {
      occurrences.add(CaseGebeurtenis.ofToewijzing(Gebeurtenis.TOEWIJZING_INGANG, t, t.ingangsdatum()));
      if (t.einddatum() != null) occurrences.add(CaseGebeurtenis.ofToewijzing(Gebeurtenis.TOEWIJZING_EINDE, t, t.einddatum()));
    }
    return occurrences;
  }

  @Override
  public List<CaseGebeurtenis> zorgGestart(ZorgGestart e) {
    return List.of(CaseGebeurtenis.ofToewijzing(Gebeurtenis.ZORG_GESTART, after.toewijzing(e.toewijzingNummer()).orElseThrow(), e.begindatum()));
  }

  @Override
  public List<CaseGebeurtenis> zorgGestopt(ZorgGestopt e) {
    Toewijzing t = after.toewijzing(e.toewijzingNummer()).orElseThrow();
    Gebeurtenis g = e.reden().isTijdelijk() ? Gebeurtenis.ZORG_ONDERBROKEN : Gebeurtenis.ZORG_GESTOPT;
    List<CaseGebeurtenis> occurrences = new ArrayList<>(List.of(CaseGebeurtenis.ofToewijzing(g, t, e.einddatum())));
    caseGestopt().ifPresent(occurrences::add);
    return occurrences;
  }

  /** CASE_GESTOPT when the event took the case to fase STOP. */
  private Optional<CaseGebeurtenis> caseGestopt() {
    return before.fase() != Fase.STOP && after.fase() == Fase.STOP
        ? Optional.of(CaseGebeurtenis.ofCase(Gebeurtenis.CASE_GESTOPT, today))
        : Optional.empty();
  }

  @Override
  public List<CaseGebeurtenis> startVerwijderd(StartVerwijderd e) {
    return List.of();
  }

  @Override
  public List<CaseGebeurtenis> stopVerwijderd(StopVerwijderd e) {
    return List.of();
  }

  /** A WMO305 or WMO307 is answered with its retour in the same request that judges it; a bericht is received once. */
  @Override
  public List<CaseGebeurtenis> berichtklasseBeoordeeld(BerichtklasseBeoordeeld e) {
    boolean eersteKlasse = before.berichtklassen().keySet().stream().noneMatch(ref -> ref.startsWith(e.berichtPrefix()));
    if (!eersteKlasse) return List.of();
    return switch (e.berichtsoort()) {
      case "WMO305" -> List.of(CaseGebeurtenis.ofAanbieder(Gebeurtenis.WMO305_ONTVANGEN, e.afzender(), today),
          CaseGebeurtenis.ofAanbieder(Gebeurtenis.WMO306_VERSTUURD, e.afzender(), today));
      case "WMO307" -> List.of(CaseGebeurtenis.ofAanbieder(Gebeurtenis.WMO307_ONTVANGEN, e.afzender(), today),
          CaseGebeurtenis.ofAanbieder(Gebeurtenis.WMO308_VERSTUURD, e.afzender(), today));
      default -> List.of();
    };
  }

  @Override
  public List<CaseGebeurtenis> berichtVerstuurd(BerichtVerstuurd e) {
    return List.of();
  }

  @Override
  public List<CaseGebeurtenis> berichtNietVerstuurd(BerichtNietVerstuurd e) {
    return List.of();
  }

  @Override
  public List<CaseGebeurtenis> verzoekOntvangen(VerzoekOntvangen e) {
    return Verzoeken.ontvangen(e, today);
  }

  @Override
  public List<CaseGebeurtenis> verzoekBeantwoord(VerzoekBeantwoord e) {
    return Verzoeken.beantwoord(e, before, after, today);
  }

  @Override
  public List<CaseGebeurtenis> verzoekGehonoreerd(VerzoekGehonoreerd e) {
    return Verzoeken.gehonoreerd(e, before, after, today);
  }

  @Override
  public List<CaseGebeurtenis> antwoordBevestigd(AntwoordBevestigd e) {
    return List.of(CaseGebeurtenis.ofAanbieder(Gebeurtenis.WMO320_ONTVANGEN, e.aanbieder(), today));
  }

  @Override
  public List<CaseGebeurtenis> declaratieOntvangen(DeclaratieOntvangen e) {
    return List.of(CaseGebeurtenis.ofCase(Gebeurtenis.WMO323_ONTVANGEN, e.ontvangenOp()));
  }

  @Override
  public List<CaseGebeurtenis> prestatieToegekend(PrestatieToegekend e) {
    return List.of();
  }

  @Override
  public List<CaseGebeurtenis> declaratieBeantwoord(DeclaratieBeantwoord e) {
    return List.of(CaseGebeurtenis.ofCase(Gebeurtenis.WMO325_VERSTUURD, today));
  }

  @Override
  public List<CaseGebeurtenis> ingetrokken(Ingetrokken e) {
    return List.of(CaseGebeurtenis.ofCase(Gebeurtenis.INGETROKKEN, today));
  }

  @Override
  public List<CaseGebeurtenis> afgewezen(Afgewezen e) {
    return List.of(CaseGebeurtenis.ofCase(Gebeurtenis.AFGEWEZEN, today));
  }

  @Override
  public List<CaseGebeurtenis> toewijzingBevestigd(ToewijzingBevestigd e) {
    return List.of(CaseGebeurtenis.ofAanbieder(Gebeurtenis.WMO302_ONTVANGEN, e.aanbieder(), today));
  }

  @Override
  public List<CaseGebeurtenis> deadlineSet(DeadlineSet e) {
    return List.of();
  }

  @Override
  public List<CaseGebeurtenis> deadlineMet(DeadlineMet e) {
    return List.of();
  }

  @Override
  public List<CaseGebeurtenis> deadlineAlerted(DeadlineAlerted e) {
    return List.of();
  }

  @Override
  public List<CaseGebeurtenis> deadlineVervallen(DeadlineVervallen e) {
    return List.of();
  }

  /**
   * A change of the einddatum sends a WMO301 to the aanbieder (D8 again) and either ends the
   * toewijzing for good or gives it a new end to count from.
   */
  @Override
  public List<CaseGebeurtenis> toewijzingGewijzigd(CaseEvent.ToewijzingGewijzigd e) {
    Toewijzing t = after.toewijzing(e.toewijzingNummer()).orElseThrow();
    Gebeurtenis einde = e.reden().beeindigt() ? Gebeurtenis.TOEWIJZING_BEEINDIGD : Gebeurtenis.TOEWIJZING_EINDE;
    List<CaseGebeurtenis> occurrences = new ArrayList<>();
    occurrences.add(CaseGebeurtenis.ofAanbieder(Gebeurtenis.WMO301_VERSTUURD, t.aanbieder(), today));
    occurrences.add(CaseGebeurtenis.ofToewijzing(einde, t, e.einddatum()));
    caseGestopt().ifPresent(occurrences::add);
    return occurrences;
  }

  @Override
  public List<CaseGebeurtenis> toewijzingAfgelopen(CaseEvent.ToewijzingAfgelopen e) {
    Toewijzing t = after.toewijzing(e.toewijzingNummer()).orElseThrow();
    List<CaseGebeurtenis> occurrences = new ArrayList<>();
    occurrences.add(CaseGebeurtenis.ofToewijzing(Gebeurtenis.TOEWIJZING_AFGELOPEN, t, e.einddatum()));
    if (e.leveringGesloten()) occurrences.add(CaseGebeurtenis.ofToewijzing(Gebeurtenis.ZORG_GESTOPT, t, e.einddatum()));
    caseGestopt().ifPresent(occurrences::add);
    return occurrences;
  }

  @Override
  public List<CaseGebeurtenis> overleden(CaseEvent.Overleden e) {
    List<CaseGebeurtenis> occurrences = new ArrayList<>(List.of(CaseGebeurtenis.ofCase(Gebeurtenis.OVERLEDEN, e.datum())));
    // Before a beschikking the case ends with the cliënt, as when it is withdrawn.
    if (after.is(Fase.INGETROKKEN) && !before.is(Fase.INGETROKKEN)) occurrences.add(CaseGebeurtenis.ofCase(Gebeurtenis.INGETROKKEN, today));
    return occurrences;
  }

  @Override
  public List<CaseGebeurtenis> stapGezet(CaseEvent.StapGezet e) {
    Gebeurtenis g = e.stap().gebeurtenis();
    return List.of(switch (g.scope()) {
      case CASE -> CaseGebeurtenis.ofCase(g, e.op());
      case AANBIEDER -> CaseGebeurtenis.ofAanbieder(g, e.aanbieder(), e.op());
      case TOEWIJZING -> CaseGebeurtenis.ofToewijzing(g, after.toewijzing(e.toewijzingNummer()).orElseThrow(), e.op());
    });
  }

  /** The ontvangende gemeente must react to the request and check the dossier. */
  @Override
  public List<CaseGebeurtenis> verhuizingGemeld(CaseEvent.VerhuizingGemeld e) {
    return List.of(CaseGebeurtenis.ofCase(Gebeurtenis.VERHUIZING_GEMELD, today).voorGemeente(e.naar()));
  }

  /** A decision records its events one by one; only the journal groups them. */
  @Override
  public List<CaseGebeurtenis> grouped(CaseEvent.Grouped e) {
    throw new IllegalStateException("a decision's events are planned one by one, not as a journal row");
  }
}
