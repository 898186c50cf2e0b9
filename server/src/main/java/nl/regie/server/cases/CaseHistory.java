package nl.regie.server.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.regie.protocol.api.CaseView.HistoryView;
import nl.regie.protocol.codes.VerzoekAntwoord;
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
 * How a case's events read in its history (the case view's {@code history}): one line per event a
 * person wants to see, with a type such as {@code MELDING_ONTVANGEN} and its particulars as text.
 * The bookkeeping of deadlines shows no line; their alerts do. The link to an iWmo bericht behind
 * an event is its place in the audit trail ({@code /iwmo/v1/berichten/{id}}).
 */
final class CaseHistory implements CaseEvent.Visitor<Optional<HistoryView>> {

  private static final CaseHistory LINES = new CaseHistory();

  private CaseHistory() {}

  /** The history lines of {@code events}, in order. */
  static List<HistoryView> of(List<CaseEvent> events) {
    return events.stream().map(e -> e.accept(LINES)).flatMap(Optional::stream).toList();
  }

  @Override
  public Optional<HistoryView> meldingOntvangen(MeldingOntvangen e) {
    return line(e, "MELDING_ONTVANGEN",
        "gemeente", e.gemeente(), "regeling", e.regeling(), "kanaal", e.kanaal().json(), "meldingOp", e.meldingOp());
  }

  @Override
  public Optional<HistoryView> screeningGestart(ScreeningGestart e) {
    return line(e, "SCREENING_GESTART");
  }

  @Override
  public Optional<HistoryView> screeningAfgerond(ScreeningAfgerond e) {
    return line(e, "SCREENING_AFGEROND",
        "eersteOpvangNodig", e.eersteOpvangNodig(), "gemeenteVanHerkomst", e.gemeenteVanHerkomst());
  }

  @Override
  public Optional<HistoryView> overgedragen(Overgedragen e) {
    return line(e, "OVERGEDRAGEN", "van", e.van(), "naar", e.naar());
  }

  @Override
  public Optional<HistoryView> onderzoekAfgerond(OnderzoekAfgerond e) {
    return line(e, "ONDERZOEK_AFGEROND", "verslagVerstuurdOp", e.verslagVerstuurdOp());
  }

  @Override
  public Optional<HistoryView> aanvraagOntvangen(AanvraagOntvangen e) {
    return line(e, "AANVRAAG_ONTVANGEN", "ondertekendOp", e.ondertekendOp());
  }

  @Override
  public Optional<HistoryView> toegewezen(Toegewezen e) {
    Map<String, String> details = details("beschiktOp", e.beschiktOp());
    for (Toewijzing t : e.toewijzingen()) {
      details.put("toewijzing " + t.nummer(), t.product() + " bij " + t.aanbieder() + " vanaf " + t.ingangsdatum()
          + (t.einddatum() == null ? "" : " tot en met " + t.einddatum()));
    }
    return Optional.of(new HistoryView(e.at(), "TOEGEWEZEN", details));
  }

  @Override
  public Optional<HistoryView> zorgGestart(ZorgGestart e) {
    return line(e, "ZORG_GESTART",
        "toewijzingNummer", e.toewijzingNummer(), "begindatum", e.begindatum(), "bericht", link(e.berichtId()));
  }

  @Override
  public Optional<HistoryView> zorgGestopt(ZorgGestopt e) {
    return line(e, e.reden().isTijdelijk() ? "ZORG_ONDERBROKEN" : "ZORG_GESTOPT",
        "toewijzingNummer", e.toewijzingNummer(), "einddatum", e.einddatum(),
        "reden", e.reden().code() + " " + e.reden().omschrijving(), "bericht", link(e.berichtId()));
  }

  @Override
  public Optional<HistoryView> startVerwijderd(StartVerwijderd e) {
    return line(e, "START_VERWIJDERD",
        "toewijzingNummer", e.toewijzingNummer(), "begindatum", e.begindatum(), "bericht", link(e.berichtId()));
  }

  @Override
  public Optional<HistoryView> stopVerwijderd(StopVerwijderd e) {
    return line(e, "STOP_VERWIJDERD",
        "toewijzingNummer", e.toewijzingNummer(), "begindatum", e.begindatum(), "bericht", link(e.berichtId()));
  }

  @Override
  public Optional<HistoryView> berichtklasseBeoordeeld(BerichtklasseBeoordeeld e) {
    return line(e, e.berichtsoort() + "_BEOORDEELD",
        "klasse", e.berichtRef().substring(e.berichtRef().lastIndexOf('/') + 1),
        "retourcodes", String.join(",", e.retourcodes()), "bericht", link(e.berichtId()));
  }

  @Override
  public Optional<HistoryView> berichtVerstuurd(BerichtVerstuurd e) {
    return line(e, e.berichtsoort() + "_VERSTUURD", "identificatie", e.identificatie(), "aanbieder", e.ontvanger());
  }

  @Override
  public Optional<HistoryView> berichtNietVerstuurd(BerichtNietVerstuurd e) {
    return line(e, e.berichtsoort() + "_NIET_VERSTUURD", "aanbieder", e.ontvanger(), "reden", e.reden());
  }

  @Override
  public Optional<HistoryView> verzoekOntvangen(VerzoekOntvangen e) {
    Verzoek eerste = e.verzoeken().get(0);
    return line(e, eerste.berichtsoort() + "_ONTVANGEN", "aanbieder", eerste.aanbieder(),
        "referentieAanbieder", String.join(",", e.verzoeken().stream().map(Verzoek::referentieAanbieder).toList()),
        "bericht", link(eerste.berichtId()));
  }

  @Override
  public Optional<HistoryView> verzoekBeantwoord(VerzoekBeantwoord e) {
    return line(e, e.antwoord() == VerzoekAntwoord.VERZOEK_AFGEWEZEN ? "VERZOEK_AFGEWEZEN" : "VERZOEK_IN_ONDERZOEK",
        "aanbieder", e.aanbieder(), "referentieAanbieder", e.referentieAanbieder(),
        "reden", e.reden() == null ? null : e.reden().code() + " " + e.reden().omschrijving(), "identificatie", e.identificatie());
  }

  @Override
  public Optional<HistoryView> verzoekGehonoreerd(VerzoekGehonoreerd e) {
    return line(e, "VERZOEK_GEHONOREERD", "aanbieder", e.aanbieder(), "referentieAanbieder", e.referentieAanbieder(),
        "toewijzingen", String.join(",", e.toewijzingNummers().stream().map(String::valueOf).toList()));
  }

  @Override
  public Optional<HistoryView> antwoordBevestigd(AntwoordBevestigd e) {
    return line(e, "ANTWOORD_BEVESTIGD", "aanbieder", e.aanbieder(), "identificatie", e.identificatie(), "bericht", link(e.berichtId()));
  }

  @Override
  public Optional<HistoryView> declaratieOntvangen(DeclaratieOntvangen e) {
    return line(e, "WMO323_ONTVANGEN",
        "aanbieder", e.aanbieder(), "declaratieNummer", e.declaratieNummer(), "bericht", link(e.berichtId()));
  }

  @Override
  public Optional<HistoryView> prestatieToegekend(PrestatieToegekend e) {
    Prestatie p = e.prestatie();
    return line(e, "PRESTATIE_TOEGEKEND", "referentieNummer", p.referentieNummer(), "vorigReferentieNummer", p.vorigReferentieNummer(),
        "toewijzingNummer", p.toewijzingNummer(), "product", p.productcode(),
        "productPeriode", p.begindatum() + " tot en met " + p.einddatum(),
        "volume", p.geleverdVolume() + " " + p.eenheid().omschrijving(),
        "bedrag", p.bedrag() + " " + p.debetCredit().code(), "bericht", link(e.berichtId()));
  }

  @Override
  public Optional<HistoryView> declaratieBeantwoord(DeclaratieBeantwoord e) {
    return line(e, "WMO325_VERSTUURD", "declaratie", link(e.berichtId()), "bericht", link(e.retourId()));
  }

  @Override
  public Optional<HistoryView> ingetrokken(Ingetrokken e) {
    return line(e, "INGETROKKEN", "reden", e.reden());
  }

  @Override
  public Optional<HistoryView> afgewezen(Afgewezen e) {
    return line(e, "AFGEWEZEN", "reden", e.reden());
  }

  @Override
  public Optional<HistoryView> toewijzingBevestigd(ToewijzingBevestigd e) {
    return line(e, "TOEWIJZING_BEVESTIGD", "aanbieder", e.aanbieder(), "bericht", link(e.berichtId()));
  }

  @Override
  public Optional<HistoryView> deadlineSet(DeadlineSet e) {
    return Optional.empty();
  }

  @Override
  public Optional<HistoryView> deadlineMet(DeadlineMet e) {
    return Optional.empty();
  }

  @Override
  public Optional<HistoryView> deadlineAlerted(DeadlineAlerted e) {
    return line(e, "DEADLINE_" + e.level().name(),
        "code", e.code(), "omschrijving", e.omschrijving(), "responsible", e.responsible(), "due", e.due());
  }

  @Override
  public Optional<HistoryView> deadlineVervallen(DeadlineVervallen e) {
    return Optional.empty();
  }

  @Override
  public Optional<HistoryView> toewijzingGewijzigd(CaseEvent.ToewijzingGewijzigd e) {
    return line(e, "TOEWIJZING_GEWIJZIGD", "toewijzingNummer", e.toewijzingNummer(), "einddatum", e.einddatum(),
        "reden", e.reden().code() + " " + e.reden().omschrijving());
  }

  @Override
  public Optional<HistoryView> toewijzingAfgelopen(CaseEvent.ToewijzingAfgelopen e) {
    return line(e, "TOEWIJZING_AFGELOPEN", "toewijzingNummer", e.toewijzingNummer(), "einddatum", e.einddatum(),
        "zorg", e.leveringGesloten() ? "beëindigd met de toewijzing" : null);
  }

  @Override
  public Optional<HistoryView> overleden(CaseEvent.Overleden e) {
    return line(e, "OVERLEDEN", "datum", e.datum());
  }

  @Override
  public Optional<HistoryView> stapGezet(CaseEvent.StapGezet e) {
    return line(e, e.stap().name(), "op", e.op(), "aanbieder", e.aanbieder(), "toewijzingNummer", e.toewijzingNummer(),
        "toelichting", e.toelichting());
  }

  @Override
  public Optional<HistoryView> verhuizingGemeld(CaseEvent.VerhuizingGemeld e) {
    return line(e, "VERHUIZING_GEMELD", "van", e.van(), "naar", e.naar(), "verhuisdatum", e.verhuisdatum());
  }

  /** The state remembers a group's events one by one, never the group. */
  @Override
  public Optional<HistoryView> grouped(CaseEvent.Grouped e) {
    return Optional.empty();
  }

  private static Optional<HistoryView> line(CaseEvent event, String type, Object... keysAndValues) {
    return Optional.of(new HistoryView(event.at(), type, details(keysAndValues)));
  }

  /** Particulars in the order given, leaving out what is absent. */
  private static Map<String, String> details(Object... keysAndValues) {
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      if (value != null) details.put((String) keysAndValues[i], String.valueOf(value));
    }
    return details;
  }

  private static String link(Long berichtId) {
    return berichtId == null ? null : "/iwmo/v1/berichten/" + berichtId;
  }
}
