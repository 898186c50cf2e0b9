package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import nl.regie.persistence.StoredJson;
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
 * @param overleden the cliënt's date of death, once the case heard of it
 * @param verhuizingen the cliënt's moves to another gemeente during the case, oldest first
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
    long version,
    LocalDate overleden,
    List<Verhuizing> verhuizingen)
    implements StoredJson {

  /**
   * A move of the cliënt from gemeente {@code van} to {@code naar} on {@code verhuisdatum}: asked
   * for, then {@code overgedragen} once the ontvangende gemeente took the case over (004).
   */
  public record Verhuizing(String van, String naar, LocalDate verhuisdatum, boolean overgedragen) {}

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
    // Snapshots written before verhuizingen have toewijzingen without a gemeente: until then a case
    // changed gemeente only before its beschikking (seed 000), so they are its gemeente's.
    toewijzingen = toewijzingen.stream().map(t -> t.gemeente() == null ? t.vastgesteld(gemeente, t.vastgesteld(), t.afloopOp()) : t).toList();
    // Snapshots written before deadlines existed have none.
    deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    berichtklassen = berichtklassen == null ? Map.of() : Map.copyOf(berichtklassen);
    // Snapshots written before declaraties were judged have none.
    declaraties = declaraties == null ? Declaratieadministratie.LEEG : declaraties;
    // States written before verzoeken were kept have none.
    verzoeken = verzoeken == null ? List.of() : List.copyOf(verzoeken);
    history = List.copyOf(history);
    // States written before verhuizingen were kept have none.
    verhuizingen = verhuizingen == null ? List.of() : List.copyOf(verhuizingen);
  }

  /** The retourcodes this case gave the berichtklasse {@code berichtRef}, if it judged it already. */
  public Optional<List<String>> beoordeling(String berichtRef) {
    return Optional.ofNullable(berichtklassen.get(berichtRef));
  }

  public static CaseState empty(String caseId) {
    return new CaseState(caseId, null, null, null, Voortgang.LEEG, List.of(), List.of(), Map.of(), Declaratieadministratie.LEEG, List.of(), List.of(), 0, null, List.of());
  }

  public Optional<Deadline> deadline(String id) {
    return deadlines.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /**
   * The earliest moment at which time alone changes the case: one of its deadlines, or a
   * toewijzing whose einddatum passes.
   */
  public Optional<Instant> nextDeadlineMoment() {
    return Stream.concat(
            deadlines.stream().map(Deadline::nextMoment).flatMap(Optional::stream),
            toewijzingen.stream().filter(t -> !t.afgelopen() && t.afloopOp() != null).map(Toewijzing::afloopOp))
        .min(Instant::compareTo);
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

  /** The toewijzingen that are not over yet ({@link Toewijzing#isBeeindigd()}). */
  public List<Toewijzing> actieveToewijzingen() {
    return toewijzingen.stream().filter(t -> !t.isBeeindigd()).toList();
  }

  /** The move asked for and not yet taken over by the ontvangende gemeente, if any. */
  public Optional<Verhuizing> lopendeVerhuizing() {
    return verhuizingen.stream().filter(v -> !v.overgedragen()).findFirst();
  }

  public boolean overlijdenBekend() {
    return overleden != null;
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

  /**
   * The state after {@code event}, with the event remembered and the version counted; a {@link
   * CaseEvent.Grouped} journal row is its events one by one.
   */
  public CaseState apply(CaseEvent event) {
    if (event instanceof CaseEvent.Grouped grouped) {
      CaseState state = this;
      for (CaseEvent e : grouped.events()) state = state.apply(e);
      return state;
    }
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
    return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties, verzoeken, more, version + 1, overleden, verhuizingen);
  }

  /** What each event changes; nothing else happens here, so that replay is pure. */
  private final class Apply implements CaseEvent.Visitor<CaseState> {

    @Override
    public CaseState meldingOntvangen(MeldingOntvangen e) {
      Melding m = new Melding(e.bsn(), e.gemeente(), e.regeling(), e.kanaal(), e.meldingOp(), e.client());
      return new CaseState(caseId, Fase.MELDING, e.gemeente(), m, Voortgang.LEEG, List.of(), List.of(), Map.of(),
          Declaratieadministratie.LEEG, List.of(), history, version, overleden, verhuizingen);
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
      List<Verhuizing> moves = verhuizingen.stream()
          .map(v -> !v.overgedragen() && v.naar().equals(e.naar()) ? new Verhuizing(v.van(), v.naar(), v.verhuisdatum(), true) : v)
          .toList();
      boolean verhuisd = !moves.equals(verhuizingen);
      // After a verhuizing the ontvangende gemeente's backoffice decides on the signed verslag (004 A.8, B.9).
      Fase next = verhuisd && fase != null && !fase.isEinde() && voortgang.aanvraagOp() != null ? Fase.ONDERZOEK : fase;
      return new CaseState(caseId, next, e.naar(), melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties, verzoeken,
          history, version, overleden, moves);
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
      // Toegewezen events before 2026-12-07 hold neither the gemeente nor the moment: the case's then, the event's.
      e.toewijzingen().forEach(t -> all.add(t.vastgesteld() != null ? t
          : t.vastgesteld(t.gemeente() == null ? gemeente : t.gemeente(), e.at(), t.afloopOp())));
      // After a stop only nazorg is assigned (after an overlijden): care is in view again.
      Fase next = fase == Fase.ONDERZOEK || fase == Fase.STOP ? Fase.TOEWIJZING : fase;
      return new CaseState(caseId, next, gemeente, melding,
              voortgang, all, deadlines, berichtklassen, declaraties, verzoeken, history, version, overleden, verhuizingen)
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
      return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, more, declaraties, verzoeken, history, version, overleden, verhuizingen);
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

    @Override
    public CaseState toewijzingGewijzigd(CaseEvent.ToewijzingGewijzigd e) {
      return withToewijzing(e.toewijzingNummer(), t -> t.gewijzigd(e.einddatum(), e.reden(), e.at(), e.afloopOp())).faseNaZorg();
    }

    @Override
    public CaseState toewijzingAfgelopen(CaseEvent.ToewijzingAfgelopen e) {
      return withToewijzing(e.toewijzingNummer(), t -> t.afgelopen(e.leveringGesloten())).faseNaZorg();
    }

    @Override
    public CaseState overleden(CaseEvent.Overleden e) {
      CaseState died = new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties,
          verzoeken, history, version, e.datum(), verhuizingen);
      // Before a beschikking the melding or aanvraag ends with the cliënt (004: "de bron van de intrekking").
      return toewijzingen.isEmpty() ? died.withEinde(Fase.INGETROKKEN, "cliënt overleden op " + e.datum()) : died;
    }

    @Override
    public CaseState stapGezet(CaseEvent.StapGezet e) {
      return CaseState.this;
    }

    @Override
    public CaseState grouped(CaseEvent.Grouped e) {
      throw new IllegalStateException("a group is applied event by event (CaseState.apply)");
    }

    @Override
    public CaseState verhuizingGemeld(CaseEvent.VerhuizingGemeld e) {
      List<Verhuizing> more = new ArrayList<>(verhuizingen);
      more.add(new Verhuizing(e.van(), e.naar(), e.verhuisdatum(), false));
      return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties, verzoeken,
          history, version, overleden, more);
    }
  }

  private CaseState withDeclaraties(Declaratieadministratie changed) {
    return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen, changed, verzoeken, history, version, overleden, verhuizingen);
  }

  private CaseState withVerzoeken(List<Verzoek> changed) {
    return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties, changed, history, version, overleden, verhuizingen);
  }

  private CaseState withDeadlines(List<Deadline> changed) {
    return new CaseState(caseId, fase, gemeente, melding, voortgang, toewijzingen, changed, berichtklassen, declaraties, verzoeken, history, version, overleden, verhuizingen);
  }

  private CaseState withDeadline(String id, UnaryOperator<Deadline> change) {
    return withDeadlines(deadlines.stream().map(d -> d.id().equals(id) ? change.apply(d) : d).toList());
  }

  /**
   * The fase that care under the toewijzingen of the case's gemeente implies: STOP when every one
   * is over ({@link Toewijzing#isBeeindigd()}), ZORG once care started under one, TOEWIJZING before
   * (a withdrawn start can take a case back). A case without toewijzingen of its gemeente (just
   * moved in) keeps its fase: care under the latende gemeente's toewijzingen runs on until they end.
   */
  private CaseState faseNaZorg() {
    if (fase == null || fase == Fase.INGETROKKEN || fase == Fase.AFGEWEZEN) return this;
    List<Toewijzing> eigen = toewijzingen.stream().filter(t -> t.gemeente().equals(gemeente)).toList();
    if (eigen.isEmpty()) return this;
    if (eigen.stream().allMatch(Toewijzing::isBeeindigd)) return withFase(Fase.STOP);
    boolean started = eigen.stream().anyMatch(t -> t.status() != ToewijzingStatus.TOEGEWEZEN);
    return withFase(started ? Fase.ZORG : Fase.TOEWIJZING);
  }

  private CaseState withFase(Fase next) {
    return new CaseState(caseId, next, gemeente, melding, voortgang, toewijzingen, deadlines, berichtklassen, declaraties, verzoeken, history, version, overleden, verhuizingen);
  }

  private CaseState withVoortgang(UnaryOperator<Voortgang> change) {
    return new CaseState(caseId, fase, gemeente, melding, change.apply(voortgang), toewijzingen, deadlines, berichtklassen, declaraties, verzoeken, history, version, overleden, verhuizingen);
  }

  private CaseState withEinde(Fase einde, String reden) {
    return withVoortgang(v -> new Voortgang(v.eersteOpvangNodig(), v.verslagVerstuurdOp(), v.aanvraagOp(), v.beschiktOp(), reden))
        .withFase(einde);
  }

  private CaseState withToewijzing(long nummer, UnaryOperator<Toewijzing> change) {
    List<Toewijzing> changed = toewijzingen.stream().map(t -> t.nummer() == nummer ? change.apply(t) : t).toList();
    return new CaseState(caseId, fase, gemeente, melding, voortgang, changed, deadlines, berichtklassen, declaraties, verzoeken, history, version, overleden, verhuizingen);
  }
}
