package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import nl.regie.persistence.JsonSerializable;
import nl.regie.protocol.api.CaseView.HistoryView;
import nl.regie.protocol.zaak.Client;
import nl.regie.protocol.zaak.DeadlineStatus;
import nl.regie.protocol.zaak.Fase;
import nl.regie.protocol.zaak.Kanaal;
import nl.regie.protocol.zaak.Partij;
import nl.regie.protocol.zaak.ToewijzingStatus;
import nl.regie.server.cases.CaseEvent.AanvraagOntvangen;
import nl.regie.server.cases.CaseEvent.BerichtNietVerstuurd;
import nl.regie.server.cases.CaseEvent.BerichtVerstuurd;
import nl.regie.server.cases.CaseEvent.BerichtklasseBeoordeeld;
import nl.regie.server.cases.CaseEvent.StartVerwijderd;
import nl.regie.server.cases.CaseEvent.StopVerwijderd;
import nl.regie.server.cases.CaseEvent.DeadlineAlerted;
import nl.regie.server.cases.CaseEvent.DeadlineMet;
import nl.regie.server.cases.CaseEvent.DeadlineSet;
import nl.regie.server.cases.CaseEvent.DeadlineVervallen;
import nl.regie.server.cases.CaseEvent.ToewijzingBevestigd;
import nl.regie.server.cases.CaseEvent.Afgewezen;
import nl.regie.server.cases.CaseEvent.Ingetrokken;
import nl.regie.server.cases.CaseEvent.MeldingOntvangen;
import nl.regie.server.cases.CaseEvent.OnderzoekAfgerond;
import nl.regie.server.cases.CaseEvent.Overgedragen;
import nl.regie.server.cases.CaseEvent.ScreeningAfgerond;
import nl.regie.server.cases.CaseEvent.ScreeningGestart;
import nl.regie.server.cases.CaseEvent.Toegewezen;
import nl.regie.server.cases.CaseEvent.ZorgGestart;
import nl.regie.server.cases.CaseEvent.ZorgGestopt;

/**
 * Everything a case knows, rebuilt from its events. Immutable: {@link #apply} returns the next
 * state and does nothing else, so replay is pure. A case that has no melding yet has no {@code
 * melding} and no {@code fase}.
 *
 * @param gemeente the gemeente the case belongs to now (it changes on a handover)
 * @param berichtklassen every iWmo berichtklasse the case judged, by reference, with its retourcodes
 * @param declaraties the declaraties (WMO323) with prestaties for this case and what it granted
 * @param verzoeken the aanbieders' verzoeken the case accepted (WMO315, WMO317), oldest first
 * @param version the number of events applied
 */
public record CaseState(
    String caseId,
    Fase fase,
    String gemeente,
    Melding melding,
    Voortgang voortgang,
    List<Toewijzing> toewijzingen,
    List<Deadline> deadlines,
    Map<String, List<String>> berichtklassen,
    Declaratieadministratie declaraties,
    List<Verzoek> verzoeken,
    List<HistoryView> history,
    long version)
    implements JsonSerializable {

  /** The melding that opened the case; {@code gemeente} is the gemeente van melding. */
  public record Melding(
      String bsn, String gemeente, String regeling, Kanaal kanaal, LocalDate meldingOp, Client client) {}

  /** The dates and answers a case collects on its way to a beschikking. */
  public record Voortgang(
      Boolean eersteOpvangNodig,
      LocalDate verslagVerstuurdOp,
      LocalDate aanvraagOp,
      LocalDate beschiktOp,
      String redenEinde) {

    static final Voortgang LEEG = new Voortgang(null, null, null, null, null);
  }

  public CaseState {
    toewijzingen = List.copyOf(toewijzingen);
    // Snapshots written before deadlines existed have none.
    deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    berichtklassen = berichtklassen == null ? Map.of() : Map.copyOf(berichtklassen);
    // Snapshots written before declaraties were judged have none.
    declaraties = declaraties == null ? Declaratieadministratie.LEEG : declaraties;
    // States written before verzoeken were kept have none.
    verzoeken = verzoeken == null ? List.of() : List.copyOf(verzoeken);
    history = List.copyOf(history);
  }

  /** The retourcodes this case gave the berichtklasse {@code berichtRef}, if it judged it already. */
  public Optional<List<String>> beoordeling(String berichtRef) {
    return Optional.ofNullable(berichtklassen.get(berichtRef));
  }

  public static CaseState empty(String caseId) {
    return new CaseState(caseId, null, null, null, Voortgang.LEEG, List.of(), List.of(), Map.of(), Declaratieadministratie.LEEG, List.of(), List.of(), 0);
  }

  public Optional<Deadline> deadline(String id) {
    return deadlines.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** The earliest moment at which time alone changes one of the case's deadlines. */
  public Optional<Instant> nextDeadlineMoment() {
    return deadlines.stream().map(Deadline::nextMoment).flatMap(Optional::stream).min(Instant::compareTo);
  }

  public boolean isNew() {
    return fase == null;
  }

  public boolean is(Fase candidate) {
    return fase == candidate;
  }

  public boolean aanvraagOntvangen() {
    return voortgang.aanvraagOp() != null;
  }

  public Optional<Toewijzing> toewijzing(long nummer) {
    return toewijzingen.stream().filter(t -> t.nummer() == nummer).findFirst();
  }

  public List<Toewijzing> actieveToewijzingen() {
    return toewijzingen.stream().filter(t -> t.status().isActief()).toList();
  }

  /** Who must act next; empty once the case has ended. */
  public Optional<Partij> aanZet() {
    if (fase == null || fase.isEinde()) return Optional.empty();
    return Optional.of(
        switch (fase) {
          case MELDING, SCREENING -> Partij.TOEGANG;
          case ONDERZOEK -> {
            if (voortgang.aanvraagOp() != null) yield Partij.BACKOFFICE;
            if (voortgang.verslagVerstuurdOp() != null) yield Partij.INWONER;
            yield Partij.TOEGANG;
          }
          default -> Partij.AANBIEDER;
        });
  }

  /** The state after {@code event}, with the event in the history and the version counted. */
  public CaseState apply(CaseEvent event) {
    CaseState next;
    if (event instanceof MeldingOntvangen e) {
      Melding m = new Melding(e.bsn(), e.gemeente(), e.regeling(), e.kanaal(), e.meldingOp(), e.client());
      next = new CaseState(caseId, Fase.MELDING, e.gemeente(), m, Voortgang.LEEG, List.of(), List.of(), Map.of(), Declaratieadministratie.LEEG, List.of(), List.of(), version);
    } else if (event instanceof ScreeningGestart) {
      next = withFase(Fase.SCREENING);
    } else if (event instanceof ScreeningAfgerond e) {
      next = withVoortgang(v -> new Voortgang(e.eersteOpvangNodig(), v.verslagVerstuurdOp(), v.aanvraagOp(), v.beschiktOp(), v.redenEinde()))
          .withFase(Fase.ONDERZOEK);
    } else if (event instanceof Overgedragen e) {
      next = new CaseState(caseId, fase, e.naar(), melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties, verzoeken, history, version);
    } else if (event instanceof OnderzoekAfgerond e) {
      next = withVoortgang(v -> new Voortgang(v.eersteOpvangNodig(), e.verslagVerstuurdOp(), v.aanvraagOp(), v.beschiktOp(), v.redenEinde()));
    } else if (event instanceof AanvraagOntvangen e) {
      next = withVoortgang(v -> new Voortgang(v.eersteOpvangNodig(), v.verslagVerstuurdOp(), e.ondertekendOp(), v.beschiktOp(), v.redenEinde()));
    } else if (event instanceof Toegewezen e) {
      List<Toewijzing> all = new ArrayList<>(toewijzingen);
      all.addAll(e.toewijzingen());
      next = new CaseState(caseId, fase == Fase.ONDERZOEK ? Fase.TOEWIJZING : fase, gemeente, melding,
              voortgang, all, deadlines, berichtklassen, declaraties, verzoeken, history, version)
          .withVoortgang(v -> new Voortgang(v.eersteOpvangNodig(), v.verslagVerstuurdOp(), v.aanvraagOp(), e.beschiktOp(), v.redenEinde()));
    } else if (event instanceof ZorgGestart e) {
      next = withToewijzing(e.toewijzingNummer(), t -> t.gestart(e.begindatum())).faseNaZorg();
    } else if (event instanceof ZorgGestopt e) {
      next = withToewijzing(e.toewijzingNummer(), t -> t.gestopt(e.einddatum(), e.reden())).faseNaZorg();
    } else if (event instanceof StartVerwijderd e) {
      next = withToewijzing(e.toewijzingNummer(), t -> t.startVerwijderd(e.begindatum())).faseNaZorg();
    } else if (event instanceof StopVerwijderd e) {
      next = withToewijzing(e.toewijzingNummer(), t -> t.stopVerwijderd(e.begindatum())).faseNaZorg();
    } else if (event instanceof BerichtklasseBeoordeeld e) {
      Map<String, List<String>> more = new HashMap<>(berichtklassen);
      more.put(e.berichtRef(), e.retourcodes());
      next = new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, more, declaraties, verzoeken, history, version);
    } else if (Declaratieadministratie.betreft(event)) {
      next = new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen,
          declaraties.na(event), verzoeken, history, version);
    } else if (event instanceof CaseEvent.VerzoekOntvangen || event instanceof CaseEvent.VerzoekBeantwoord
        || event instanceof CaseEvent.VerzoekGehonoreerd) {
      next = withVerzoeken(Verzoeken.na(verzoeken, event));
    } else if (event instanceof ToewijzingBevestigd || event instanceof BerichtVerstuurd || event instanceof BerichtNietVerstuurd
        || event instanceof CaseEvent.AntwoordBevestigd) {
      next = this;
    } else if (event instanceof DeadlineSet e) {
      List<Deadline> more = new ArrayList<>(deadlines);
      more.add(e.deadline());
      next = withDeadlines(more);
    } else if (event instanceof DeadlineMet e) {
      next = withDeadline(e.deadlineId(), d -> d.with(DeadlineStatus.MET));
    } else if (event instanceof DeadlineAlerted e) {
      next = withDeadline(e.deadlineId(), d -> switch (e.level()) {
        case WARNING -> d.warnedNow();
        case MISSED -> d.with(DeadlineStatus.MISSED);
        case ESCALATED -> d.with(DeadlineStatus.ESCALATED);
      });
    } else if (event instanceof DeadlineVervallen e) {
      next = withDeadline(e.deadlineId(), d -> d.with(DeadlineStatus.VERVALLEN));
    } else if (event instanceof Ingetrokken e) {
      next = withEinde(Fase.INGETROKKEN, e.reden());
    } else if (event instanceof Afgewezen e) {
      next = withEinde(Fase.AFGEWEZEN, e.reden());
    } else {
      throw new IllegalArgumentException("unknown event " + event.getClass().getName());
    }
    return next.recorded(event);
  }

  private CaseState recorded(CaseEvent event) {
    List<HistoryView> more = history;
    if (event.inHistory()) {
      more = new ArrayList<>(history);
      more.add(new HistoryView(event.at(), event.type(), event.details()));
    }
    return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties, verzoeken, more, version + 1);
  }

  private CaseState withVerzoeken(List<Verzoek> changed) {
    return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties, changed, history, version);
  }

  private CaseState withDeadlines(List<Deadline> changed) {
    return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, changed, berichtklassen, declaraties, verzoeken, history, version);
  }

  private CaseState withDeadline(String id, UnaryOperator<Deadline> change) {
    return withDeadlines(deadlines.stream().map(d -> d.id().equals(id) ? change.apply(d) : d).toList());
  }

  /**
   * The fase that care under the toewijzingen implies: STOP when every one stopped for good, ZORG
   * once care started under one, TOEWIJZING before (a withdrawn start can take a case back).
   */
  private CaseState faseNaZorg() {
    if (!toewijzingen.isEmpty() && toewijzingen.stream().allMatch(t -> t.status() == ToewijzingStatus.GESTOPT)) {
      return withFase(Fase.STOP);
    }
    boolean started = toewijzingen.stream().anyMatch(t -> t.status() != ToewijzingStatus.TOEGEWEZEN);
    return withFase(started ? Fase.ZORG : Fase.TOEWIJZING);
  }

  private CaseState withFase(Fase next) {
    return new CaseState(caseId, next, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties, verzoeken, history, version);
  }

  private CaseState withVoortgang(UnaryOperator<Voortgang> change) {
    return new CaseState(caseId, fase, gemeente, melding, change.apply(voortgang), toewijzingen, deadlines, berichtklassen, declaraties, verzoeken, history, version);
  }

  private CaseState withEinde(Fase einde, String reden) {
    return withVoortgang(v -> new Voortgang(v.eersteOpvangNodig(), v.verslagVerstuurdOp(), v.aanvraagOp(), v.beschiktOp(), reden))
        .withFase(einde);
  }

  private CaseState withToewijzing(long nummer, UnaryOperator<Toewijzing> change) {
    List<Toewijzing> changed = toewijzingen.stream().map(t -> t.nummer() == nummer ? change.apply(t) : t).toList();
    return new CaseState(caseId, fase, gemeente, melding, voortgang, changed, deadlines, berichtklassen, declaraties, verzoeken, history, version);
  }
}
