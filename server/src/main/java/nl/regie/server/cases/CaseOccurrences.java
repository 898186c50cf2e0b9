package nl.regie.server.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.zaak.Fase;

/**
 * Which {@link Gebeurtenis}sen a case event amounts to, with the dates deadlines count from. One
 * event can be several: a toewijzen sends a WMO301 to each aanbieder and opens the period of each
 * toewijzing.
 */
final class CaseOccurrences {

  private CaseOccurrences() {}

  /**
   * @param before the state before {@code event}
   * @param after the state after it
   * @param today the day it was recorded, for events that count from that day
   */
  static List<Occurrence> of(CaseEvent event, CaseState before, CaseState after, LocalDate today) {
    List<Occurrence> occurrences = new ArrayList<>();
    if (event instanceof CaseEvent.MeldingOntvangen e) {
      occurrences.add(Occurrence.ofCase(Gebeurtenis.MELDING, e.meldingOp()));
    } else if (event instanceof CaseEvent.ScreeningGestart) {
      occurrences.add(Occurrence.ofCase(Gebeurtenis.SCREENING_GESTART, today));
    } else if (event instanceof CaseEvent.ScreeningAfgerond) {
      occurrences.add(Occurrence.ofCase(Gebeurtenis.SCREENING_AFGEROND, today));
    } else if (event instanceof CaseEvent.OnderzoekAfgerond e) {
      occurrences.add(Occurrence.ofCase(Gebeurtenis.VERSLAG_VERSTUURD, e.verslagVerstuurdOp()));
    } else if (event instanceof CaseEvent.AanvraagOntvangen e) {
      occurrences.add(Occurrence.ofCase(Gebeurtenis.AANVRAAG_ONTVANGEN, e.ondertekendOp()));
    } else if (event instanceof CaseEvent.Toegewezen e) {
      occurrences.add(Occurrence.ofCase(Gebeurtenis.BESCHIKT, e.beschiktOp()));
      e.toewijzingen().stream().map(Toewijzing::aanbieder).distinct()
          .forEach(agb -> occurrences.add(Occurrence.ofAanbieder(Gebeurtenis.WMO301_VERSTUURD, agb, today)));
      for (Toewijzing t : e.toewijzingen()) {
        occurrences.add(Occurrence.ofToewijzing(Gebeurtenis.TOEWIJZING_INGANG, t, t.ingangsdatum()));
        if (t.einddatum() != null) occurrences.add(Occurrence.ofToewijzing(Gebeurtenis.TOEWIJZING_EINDE, t, t.einddatum()));
      }
    } else if (event instanceof CaseEvent.ToewijzingBevestigd e) {
      occurrences.add(Occurrence.ofAanbieder(Gebeurtenis.WMO302_ONTVANGEN, e.aanbieder(), today));
    } else if (event instanceof CaseEvent.ZorgGestart e) {
      occurrences.add(Occurrence.ofToewijzing(Gebeurtenis.ZORG_GESTART, after.toewijzing(e.toewijzingNummer()).orElseThrow(), e.begindatum()));
    } else if (event instanceof CaseEvent.ZorgGestopt e) {
      Toewijzing t = after.toewijzing(e.toewijzingNummer()).orElseThrow();
      Gebeurtenis g = e.reden().isTijdelijk() ? Gebeurtenis.ZORG_ONDERBROKEN : Gebeurtenis.ZORG_GESTOPT;
      occurrences.add(Occurrence.ofToewijzing(g, t, e.einddatum()));
      if (before.fase() != Fase.STOP && after.fase() == Fase.STOP) {
        occurrences.add(Occurrence.ofCase(Gebeurtenis.CASE_GESTOPT, today));
      }
    } else if (event instanceof CaseEvent.VerzoekOntvangen || event instanceof CaseEvent.VerzoekBeantwoord
        || event instanceof CaseEvent.VerzoekGehonoreerd || event instanceof CaseEvent.AntwoordBevestigd) {
      occurrences.addAll(Verzoeken.occurrences(event, before, after, today));
    } else if (event instanceof CaseEvent.DeclaratieOntvangen e) {
      occurrences.add(Occurrence.ofCase(Gebeurtenis.WMO323_ONTVANGEN, e.ontvangenOp()));
    } else if (event instanceof CaseEvent.DeclaratieBeantwoord) {
      occurrences.add(Occurrence.ofCase(Gebeurtenis.WMO325_VERSTUURD, today));
    } else if (event instanceof CaseEvent.Ingetrokken) {
      occurrences.add(Occurrence.ofCase(Gebeurtenis.INGETROKKEN, today));
    } else if (event instanceof CaseEvent.Afgewezen) {
      occurrences.add(Occurrence.ofCase(Gebeurtenis.AFGEWEZEN, today));
    }
    return occurrences;
  }
}
