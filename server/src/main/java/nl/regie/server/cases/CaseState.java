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
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Partij;
import nl.regie.protocol.cases.ToewijzingStatus;
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
 * @param history every event of the case, oldest first (the view renders its history from them)
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
    @JsonSerialize(using = CaseEventsJson.Writer.class) @JsonDeserialize(using = CaseEventsJson.Reader.class)
    List<CaseEvent> history,
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

  /** The state after {@code event}, with the event remembered and the version counted. */
  public CaseState apply(CaseEvent event) {
    return event.accept(new Apply()).remembering(event);
  }

  /**
   * The case remembers every event, in order, except the contents of the berichten it wrote: the
   * outbox keeps those.
   */
  private CaseState remembering(CaseEvent event) {
    CaseEvent remembered = event instanceof BerichtVerstuurd sent ? sent.withoutXml() : event;
    List<CaseEvent> more = new ArrayList<>(history);
    more.add(remembered);
    return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties, verzoeken, more, version + 1);
  }

  /** What each event changes; nothing else happens here, so that replay is pure. */
  private final class Apply implements CaseEvent.Visitor<CaseState> {

    @Override
    public CaseState meldingOntvangen(MeldingOntvangen e) {
      Melding m = new Melding(e.bsn(), e.gemeente(), e.regeling(), e.kanaal(), e.meldingOp(), e.client());
      return new CaseState(caseId, Fase.MELDING, e.gemeente(), m, Voortgang.LEEG, List.of(), List.of(), Map.of(),
          Declaratieadministratie.LEEG, List.of(), history, version);
    }

    @Override
    public CaseState screeningGestart(ScreeningGestart e) {
      return withFase(Fase.SCREENING);
    }

    @Override
    public CaseState screeningAfgerond(ScreeningAfgerond e) {
      return withVoortgang(v -> new Voortgang(e.eersteOpvangNodig(), v.verslagVerstuurdOp(), v.aanvraagOp(), v.beschiktOp(), v.redenEinde()))
          .withFase(Fase.ONDERZOEK);
    }

    @Override
    public CaseState overgedragen(Overgedragen e) {
      return new CaseState(caseId, fase, e.naar(), melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties, verzoeken, history, version);
    }

    @Override
    public CaseState onderzoekAfgerond(OnderzoekAfgerond e) {
      return withVoortgang(v -> new Voortgang(v.eersteOpvangNodig(), e.verslagVerstuurdOp(), v.aanvraagOp(), v.beschiktOp(), v.redenEinde()));
    }

    @Override
    public CaseState aanvraagOntvangen(AanvraagOntvangen e) {
      return withVoortgang(v -> new Voortgang(v.eersteOpvangNodig(), v.verslagVerstuurdOp(), e.ondertekendOp(), v.beschiktOp(), v.redenEinde()));
    }

    @Override
    public CaseState toegewezen(Toegewezen e) {
      List<Toewijzing> all = new ArrayList<>(toewijzingen);
      all.addAll(e.toewijzingen());
      return new CaseState(caseId, fase == Fase.ONDERZOEK ? Fase.TOEWIJZING : fase, gemeente, melding,
              voortgang, all, deadlines, berichtklassen, declaraties, verzoeken, history, version)
          .withVoortgang(v -> new Voortgang(v.eersteOpvangNodig(), v.verslagVerstuurdOp(), v.aanvraagOp(), e.beschiktOp(), v.redenEinde()));
    }

    @Override
    public CaseState zorgGestart(ZorgGestart e) {
      return withToewijzing(e.toewijzingNummer(), t -> t.gestart(e.begindatum())).faseNaZorg();
    }

    @Override
    public CaseState zorgGestopt(ZorgGestopt e) {
      return withToewijzing(e.toewijzingNummer(), t -> t.gestopt(e.einddatum(), e.reden())).faseNaZorg();
    }

    @Override
    public CaseState startVerwijderd(StartVerwijderd e) {
      return withToewijzing(e.toewijzingNummer(), t -> t.startVerwijderd(e.begindatum())).faseNaZorg();
    }

    @Override
    public CaseState stopVerwijderd(StopVerwijderd e) {
      return withToewijzing(e.toewijzingNummer(), t -> t.stopVerwijderd(e.begindatum())).faseNaZorg();
    }

    @Override
    public CaseState berichtklasseBeoordeeld(BerichtklasseBeoordeeld e) {
      Map<String, List<String>> more = new HashMap<>(berichtklassen);
      more.put(e.berichtRef(), e.retourcodes());
      return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, more, declaraties, verzoeken, history, version);
    }

    @Override
    public CaseState berichtVerstuurd(BerichtVerstuurd e) {
      return CaseState.this;
    }

    @Override
    public CaseState berichtNietVerstuurd(BerichtNietVerstuurd e) {
      return CaseState.this;
    }

    @Override
    public CaseState verzoekOntvangen(CaseEvent.VerzoekOntvangen e) {
      List<Verzoek> more = new ArrayList<>(verzoeken);
      more.addAll(e.verzoeken());
      return withVerzoeken(more);
    }

    @Override
    public CaseState verzoekBeantwoord(CaseEvent.VerzoekBeantwoord e) {
      return withVerzoeken(verzoeken.stream()
          .map(v -> v.is(e.aanbieder(), e.referentieAanbieder()) ? v.beantwoord(e.antwoord(), e.reden()) : v).toList());
    }

    @Override
    public CaseState verzoekGehonoreerd(CaseEvent.VerzoekGehonoreerd e) {
      return withVerzoeken(verzoeken.stream()
          .map(v -> v.is(e.aanbieder(), e.referentieAanbieder()) ? v.gehonoreerd(e.toewijzingNummers()) : v).toList());
    }

    @Override
    public CaseState antwoordBevestigd(CaseEvent.AntwoordBevestigd e) {
      return CaseState.this;
    }

    @Override
    public CaseState declaratieOntvangen(CaseEvent.DeclaratieOntvangen e) {
      return withDeclaraties(declaraties.ontvangen(e));
    }

    @Override
    public CaseState prestatieToegekend(CaseEvent.PrestatieToegekend e) {
      return withDeclaraties(declaraties.toegekend(e));
    }

    @Override
    public CaseState declaratieBeantwoord(CaseEvent.DeclaratieBeantwoord e) {
      return withDeclaraties(declaraties.beantwoord(e));
    }

    @Override
    public CaseState ingetrokken(Ingetrokken e) {
      return withEinde(Fase.INGETROKKEN, e.reden());
    }

    @Override
    public CaseState afgewezen(Afgewezen e) {
      return withEinde(Fase.AFGEWEZEN, e.reden());
    }

    @Override
    public CaseState toewijzingBevestigd(ToewijzingBevestigd e) {
      return CaseState.this;
    }

    @Override
    public CaseState deadlineSet(DeadlineSet e) {
      List<Deadline> more = new ArrayList<>(deadlines);
      more.add(e.deadline());
      return withDeadlines(more);
    }

    @Override
    public CaseState deadlineMet(DeadlineMet e) {
      return withDeadline(e.deadlineId(), d -> d.with(DeadlineStatus.MET));
    }

    @Override
    public CaseState deadlineAlerted(DeadlineAlerted e) {
      return withDeadline(e.deadlineId(), d -> switch (e.level()) {
        case WARNING -> d.warnedNow();
        case MISSED -> d.with(DeadlineStatus.MISSED);
        case ESCALATED -> d.with(DeadlineStatus.ESCALATED);
      });
    }

    @Override
    public CaseState deadlineVervallen(DeadlineVervallen e) {
      return withDeadline(e.deadlineId(), d -> d.with(DeadlineStatus.VERVALLEN));
    }
  }

  private CaseState withDeclaraties(Declaratieadministratie changed) {
    return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen, changed, verzoeken, history, version);
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
