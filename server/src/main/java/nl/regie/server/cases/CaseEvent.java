package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import nl.regie.persistence.StoredJson;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Stap;

/**
 * What happened to a case. Events are forever: add fields (nullable) rather than change them, and
 * keep a sample of each version in {@code src/test/resources/events} (see CaseEventCompatibilityTest).
 * An event holds the data of what happened; how it reads in the case's history is the view's
 * business ({@link CaseHistory}).
 */
public sealed interface CaseEvent extends StoredJson {

  /** When Regie recorded it (from the injected clock), not the business date it carries. */
  Instant at();

  /** Hands this event to the method of {@code visitor} for its type. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method for each event type. Every handler of case events (the state, the deadline
   * planning, the history, each projection) implements it whole, so that an event type that is
   * added and forgotten anywhere does not compile: Java 17's stand-in for an exhaustive switch
   * over the sealed type.
   */
  interface Visitor<R> {
    R meldingOntvangen(MeldingOntvangen e);

    R screeningGestart(ScreeningGestart e);

    R screeningAfgerond(ScreeningAfgerond e);

    R overgedragen(Overgedragen e);

    R onderzoekAfgerond(OnderzoekAfgerond e);

    R aanvraagOntvangen(AanvraagOntvangen e);

    R toegewezen(Toegewezen e);

    R zorgGestart(ZorgGestart e);

    R zorgGestopt(ZorgGestopt e);

    R startVerwijderd(StartVerwijderd e);

    R stopVerwijderd(StopVerwijderd e);

    R berichtklasseBeoordeeld(BerichtklasseBeoordeeld e);

    R berichtVerstuurd(BerichtVerstuurd e);

    R berichtNietVerstuurd(BerichtNietVerstuurd e);

    R verzoekOntvangen(VerzoekOntvangen e);

    R verzoekBeantwoord(VerzoekBeantwoord e);

    R verzoekGehonoreerd(VerzoekGehonoreerd e);

    R antwoordBevestigd(AntwoordBevestigd e);

    R declaratieOntvangen(DeclaratieOntvangen e);

    R prestatieToegekend(PrestatieToegekend e);

    R declaratieBeantwoord(DeclaratieBeantwoord e);

    R ingetrokken(Ingetrokken e);

    R afgewezen(Afgewezen e);

    R toewijzingBevestigd(ToewijzingBevestigd e);

    R deadlineSet(DeadlineSet e);

    R deadlineMet(DeadlineMet e);

    R deadlineAlerted(DeadlineAlerted e);

    R deadlineVervallen(DeadlineVervallen e);

    R toewijzingGewijzigd(ToewijzingGewijzigd e);

    R toewijzingAfgelopen(ToewijzingAfgelopen e);

    R overleden(Overleden e);

    R stapGezet(StapGezet e);

    R verhuizingGemeld(VerhuizingGemeld e);

    R grouped(Grouped e);
  }

  /**
   * The events as they happened one by one: a {@link Grouped} row unpacked, every other event as
   * it is. Whoever reads the journal reads it through this (the state, the projections through
   * {@link GroupedEvents}); the events inside a group never hold another group.
   */
  static List<CaseEvent> unpacked(List<CaseEvent> journal) {
    List<CaseEvent> events = new ArrayList<>();
    for (CaseEvent e : journal) {
      if (e instanceof Grouped g) events.addAll(g.events()); else events.add(e);
    }
    return events;
  }

  record MeldingOntvangen(
      String caseId,
      String bsn,
      String gemeente,
      String regeling,
      Kanaal kanaal,
      LocalDate meldingOp,
      Client client,
      Instant at)
      implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.meldingOntvangen(this);
    }
  }

  record ScreeningGestart(Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.screeningGestart(this);
    }
  }

  record ScreeningAfgerond(boolean eersteOpvangNodig, String gemeenteVanHerkomst, Instant at)
      implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.screeningAfgerond(this);
    }
  }

  /** The case now belongs to another gemeente (the gemeente van herkomst, seed 000). */
  record Overgedragen(String van, String naar, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.overgedragen(this);
    }
  }

  record OnderzoekAfgerond(LocalDate verslagVerstuurdOp, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.onderzoekAfgerond(this);
    }
  }

  record AanvraagOntvangen(LocalDate ondertekendOp, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.aanvraagOntvangen(this);
    }
  }

  /** A beschikking assigned these products; each toewijzing starts as TOEGEWEZEN. */
  record Toegewezen(LocalDate beschiktOp, List<Toewijzing> toewijzingen, Instant at) implements CaseEvent {
    public Toegewezen {
      toewijzingen = List.copyOf(toewijzingen);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.toegewezen(this);
    }
  }

  /** Care under a toewijzing started; {@code berichtId} is the WMO305 that said so, if it came that way. */
  record ZorgGestart(long toewijzingNummer, LocalDate begindatum, Long berichtId, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.zorgGestart(this);
    }
  }

  /**
   * Care under a toewijzing ended; with reden 20 only for now (ONDERBROKEN). {@code berichtId} is
   * the WMO307 that said so, if it came that way.
   */
  record ZorgGestopt(long toewijzingNummer, LocalDate einddatum, RedenBeeindiging reden, Long berichtId, Instant at)
      implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.zorgGestopt(this);
    }
  }

  /** The aanbieder withdrew a start it reported (WMO305 with StatusAanlevering 3). */
  record StartVerwijderd(long toewijzingNummer, LocalDate begindatum, Long berichtId, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.startVerwijderd(this);
    }
  }

  /** The aanbieder withdrew a stop it reported (WMO307 with StatusAanlevering 3): care runs again. */
  record StopVerwijderd(long toewijzingNummer, LocalDate begindatum, Long berichtId, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.stopVerwijderd(this);
    }
  }

  /**
   * One berichtklasse of an iWmo bericht was judged: accepted ({@code 0200}) or rejected with its
   * retourcodes. The case remembers it, so that the same bericht sent again gets the same answer
   * and changes nothing.
   */
  record BerichtklasseBeoordeeld(
      String berichtRef, long berichtId, String berichtsoort, List<String> retourcodes, Instant at)
      implements CaseEvent {
    public BerichtklasseBeoordeeld {
      retourcodes = List.copyOf(retourcodes);
    }

    /** Who sent the bericht: the first part of its reference (afzender/soort/identificatie/klasse). */
    public String afzender() {
      return berichtRef.substring(0, berichtRef.indexOf('/'));
    }

    /** The reference of the whole bericht this klasse belongs to: afzender/soort/identificatie/. */
    public String berichtPrefix() {
      int soort = berichtRef.indexOf('/');
      int identificatie = berichtRef.indexOf('/', soort + 1);
      return berichtRef.substring(0, berichtRef.indexOf('/', identificatie + 1) + 1);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.berichtklasseBeoordeeld(this);
    }
  }

  /**
   * Regie wrote an iWmo bericht for an aanbieder (a WMO301 after a toewijzing): the outbox, in the
   * same write as the decision it reports, so that it is never lost nor sent for a decision that
   * was not persisted.
   */
  record BerichtVerstuurd(String berichtsoort, String identificatie, String afzender, String ontvanger, String xml, Instant at)
      implements CaseEvent {
    /** The same without its contents, as the case remembers it; the outbox keeps the bericht itself. */
    public BerichtVerstuurd withoutXml() {
      return new BerichtVerstuurd(berichtsoort, identificatie, afzender, ontvanger, null, at);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.berichtVerstuurd(this);
    }
  }

  /** A bericht could not be written, e.g. a WMO301 for a cliënt whose name or birth date is unknown. */
  record BerichtNietVerstuurd(String berichtsoort, String ontvanger, String reden, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.berichtNietVerstuurd(this);
    }
  }

  /**
   * The case accepted a verzoek of one aanbieder: the AangevraagdProducten of a WMO315 it let
   * through, or a WMO317. Each is in behandeling until a WMO301 honours it or a WMO319 rejects it.
   */
  record VerzoekOntvangen(List<Verzoek> verzoeken, Instant at) implements CaseEvent {
    public VerzoekOntvangen {
      verzoeken = List.copyOf(verzoeken);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.verzoekOntvangen(this);
    }
  }

  /** The gemeente answered a verzoek with the WMO319 {@code identificatie}: rejected ({@code reden}) or in onderzoek. */
  record VerzoekBeantwoord(
      String aanbieder, String referentieAanbieder, VerzoekAntwoord antwoord, RedenAfwijzingVerzoek reden,
      String identificatie, Instant at)
      implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.verzoekBeantwoord(this);
    }
  }

  /** Toewijzingen honoured a verzoek: the WMO301 that reports them carries its reference (TR379). */
  record VerzoekGehonoreerd(String aanbieder, String referentieAanbieder, List<Long> toewijzingNummers, Instant at)
      implements CaseEvent {
    public VerzoekGehonoreerd {
      toewijzingNummers = List.copyOf(toewijzingNummers);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.verzoekGehonoreerd(this);
    }
  }

  /** The aanbieder returned the case's WMO319 {@code identificatie} with a WMO320 (stored as {@code berichtId}). */
  record AntwoordBevestigd(String aanbieder, String identificatie, Long berichtId, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.antwoordBevestigd(this);
    }
  }

  /**
   * A declaratie (WMO323, stored as {@code berichtId}) had prestaties for this case; recorded with
   * the first of them the case judged. Its WMO325 is due within 10 werkdagen of {@code ontvangenOp}
   * (OP090x4).
   */
  record DeclaratieOntvangen(long berichtId, String aanbieder, String declaratieNummer, LocalDate ontvangenOp, Instant at)
      implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.declaratieOntvangen(this);
    }
  }

  /** A prestatie of the declaratie {@code berichtId} passed every rule: it is granted (paid, or for a credit, taken back). */
  record PrestatieToegekend(long berichtId, Prestatie prestatie, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.prestatieToegekend(this);
    }
  }

  /** The WMO325 (stored as {@code retourId}) answering declaratie {@code berichtId} went out. */
  record DeclaratieBeantwoord(long berichtId, long retourId, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.declaratieBeantwoord(this);
    }
  }

  record Ingetrokken(String reden, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.ingetrokken(this);
    }
  }

  record Afgewezen(String reden, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.afgewezen(this);
    }
  }

  /** The aanbieder confirmed its toewijzingen (a WMO302, stored as {@code berichtId} if it came that way). */
  record ToewijzingBevestigd(String aanbieder, Long berichtId, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.toewijzingBevestigd(this);
    }
  }

  /** A deadline started; its dates and moments are fixed from here on. */
  record DeadlineSet(Deadline deadline, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.deadlineSet(this);
    }
  }

  /** The event a deadline waited for happened; {@code late} when after its due date. */
  record DeadlineMet(String deadlineId, boolean late, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.deadlineMet(this);
    }
  }

  /**
   * A deadline raised an alert: a warning before it is due, a miss, or an escalation. It carries
   * what the alert says, so that read models need nothing else; {@code scheduledFor} is the
   * moment it was due to be raised, {@code at} when it was.
   */
  record DeadlineAlerted(
      String deadlineId,
      AlertLevel level,
      String code,
      String omschrijving,
      String responsible,
      LocalDate due,
      String gemeente,
      Instant scheduledFor,
      Instant at)
      implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.deadlineAlerted(this);
    }
  }

  /** A running deadline no longer applies: the case or the toewijzing it was about ended. */
  record DeadlineVervallen(String deadlineId, String reden, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.deadlineVervallen(this);
    }
  }

  /**
   * The gemeente changed a toewijzing's einddatum (ended, shortened, extended or removed it) for
   * {@code reden}; the WMO301 that says so is in the same write. {@code afloopOp} is the moment the
   * new einddatum has passed.
   */
  record ToewijzingGewijzigd(long toewijzingNummer, LocalDate einddatum, RedenWijziging reden, Instant afloopOp, Instant at)
      implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.toewijzingGewijzigd(this);
    }
  }

  /**
   * A toewijzing's einddatum passed: it ended by itself. {@code leveringGesloten}: care still
   * running ended with it (the regeling expects no WMO307 at the planned end).
   */
  record ToewijzingAfgelopen(long toewijzingNummer, LocalDate einddatum, boolean leveringGesloten, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.toewijzingAfgelopen(this);
    }
  }

  /** The cliënt died on {@code datum} (004 §5.8); the toewijzingen end with it in the same write. */
  record Overleden(LocalDate datum, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.overleden(this);
    }
  }

  /**
   * A step of the werkwijze happened on {@code op}: about {@code aanbieder} or {@code
   * toewijzingNummer} when the step is about one, with a free {@code toelichting}.
   */
  record StapGezet(Stap stap, LocalDate op, String aanbieder, Long toewijzingNummer, String toelichting, Instant at)
      implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.stapGezet(this);
    }
  }

  /**
   * The latende gemeente {@code van} asked the ontvangende gemeente {@code naar} to take the cliënt
   * over from {@code verhuisdatum} (004, proces verhuizing), sending the dossier with it.
   */
  record VerhuizingGemeld(String van, String naar, LocalDate verhuisdatum, Instant at) implements CaseEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.verhuizingGemeld(this);
    }
  }

  /**
   * The events of one decision, written as one journal row: a command's events and the deadline
   * bookkeeping they cause, which used to take a row each (23 rows for a case's nine requests, see
   * BENCHMARKS.md). {@code firstVersion} is the case's version after the first of them, so that the
   * events keep their numbers (a case's version counts its events, not its journal rows).
   */
  record Grouped(
      long firstVersion,
      @JsonSerialize(using = CaseEventsJson.Writer.class) @JsonDeserialize(using = CaseEventsJson.Reader.class) List<CaseEvent> events,
      Instant at)
      implements CaseEvent {
    public Grouped {
      events = List.copyOf(events);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.grouped(this);
    }
  }
}
