package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.regie.persistence.JsonSerializable;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.zaak.AlertLevel;
import nl.regie.protocol.zaak.Client;
import nl.regie.protocol.zaak.Kanaal;

/**
 * What happened to a case. Events are forever: add fields (nullable) rather than change them, and
 * keep a sample of each version in {@code src/test/resources/events} (see CaseEventCompatibilityTest).
 * Each event says how it reads in the case's history.
 */
public sealed interface CaseEvent extends JsonSerializable {

  /** When Regie recorded it (from the injected clock), not the business date it carries. */
  Instant at();

  /** The history line type, e.g. {@code MELDING_ONTVANGEN}. */
  String type();

  /** The particulars shown in the history, as text. */
  Map<String, String> details();

  /** Whether the case's history shows it; bookkeeping of deadlines does not, their alerts do. */
  default boolean inHistory() {
    return true;
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
    public String type() {
      return "MELDING_ONTVANGEN";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("gemeente", gemeente, "regeling", regeling, "kanaal", kanaal.json(), "meldingOp", meldingOp);
    }
  }

  record ScreeningGestart(Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "SCREENING_GESTART";
    }

    @Override
    public Map<String, String> details() {
      return Map.of();
    }
  }

  record ScreeningAfgerond(boolean eersteOpvangNodig, String gemeenteVanHerkomst, Instant at)
      implements CaseEvent {
    @Override
    public String type() {
      return "SCREENING_AFGEROND";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("eersteOpvangNodig", eersteOpvangNodig, "gemeenteVanHerkomst", gemeenteVanHerkomst);
    }
  }

  /** The case now belongs to another gemeente (the gemeente van herkomst, seed 000). */
  record Overgedragen(String van, String naar, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "OVERGEDRAGEN";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("van", van, "naar", naar);
    }
  }

  record OnderzoekAfgerond(LocalDate verslagVerstuurdOp, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "ONDERZOEK_AFGEROND";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("verslagVerstuurdOp", verslagVerstuurdOp);
    }
  }

  record AanvraagOntvangen(LocalDate ondertekendOp, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "AANVRAAG_ONTVANGEN";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("ondertekendOp", ondertekendOp);
    }
  }

  /** A beschikking assigned these products; each toewijzing starts as TOEGEWEZEN. */
  record Toegewezen(LocalDate beschiktOp, List<Toewijzing> toewijzingen, Instant at) implements CaseEvent {
    public Toegewezen {
      toewijzingen = List.copyOf(toewijzingen);
    }

    @Override
    public String type() {
      return "TOEGEWEZEN";
    }

    @Override
    public Map<String, String> details() {
      Map<String, String> details = new LinkedHashMap<>(Details.of("beschiktOp", beschiktOp));
      for (Toewijzing t : toewijzingen) {
        details.put("toewijzing " + t.nummer(), t.product() + " bij " + t.aanbieder() + " vanaf " + t.ingangsdatum()
            + (t.einddatum() == null ? "" : " tot en met " + t.einddatum()));
      }
      return details;
    }
  }

  /** Care under a toewijzing started; {@code berichtId} is the WMO305 that said so, if it came that way. */
  record ZorgGestart(long toewijzingNummer, LocalDate begindatum, Long berichtId, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "ZORG_GESTART";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("toewijzingNummer", toewijzingNummer, "begindatum", begindatum, "bericht", Details.link(berichtId));
    }
  }

  /**
   * Care under a toewijzing ended; with reden 20 only for now (ONDERBROKEN). {@code berichtId} is
   * the WMO307 that said so, if it came that way.
   */
  record ZorgGestopt(long toewijzingNummer, LocalDate einddatum, RedenBeeindiging reden, Long berichtId, Instant at)
      implements CaseEvent {
    @Override
    public String type() {
      return reden.isTijdelijk() ? "ZORG_ONDERBROKEN" : "ZORG_GESTOPT";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("toewijzingNummer", toewijzingNummer, "einddatum", einddatum,
          "reden", reden.code() + " " + reden.omschrijving(), "bericht", Details.link(berichtId));
    }
  }

  /** The aanbieder withdrew a start it reported (WMO305 with StatusAanlevering 3). */
  record StartVerwijderd(long toewijzingNummer, LocalDate begindatum, Long berichtId, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "START_VERWIJDERD";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("toewijzingNummer", toewijzingNummer, "begindatum", begindatum, "bericht", Details.link(berichtId));
    }
  }

  /** The aanbieder withdrew a stop it reported (WMO307 with StatusAanlevering 3): care runs again. */
  record StopVerwijderd(long toewijzingNummer, LocalDate begindatum, Long berichtId, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "STOP_VERWIJDERD";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("toewijzingNummer", toewijzingNummer, "begindatum", begindatum, "bericht", Details.link(berichtId));
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

    @Override
    public String type() {
      return berichtsoort + "_BEOORDEELD";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("klasse", berichtRef.substring(berichtRef.lastIndexOf('/') + 1), "retourcodes",
          String.join(",", retourcodes), "bericht", Details.link(berichtId));
    }
  }

  /**
   * Regie wrote an iWmo bericht for an aanbieder (a WMO301 after a toewijzing): the outbox, in the
   * same write as the decision it reports, so that it is never lost nor sent for a decision that
   * was not persisted.
   */
  record BerichtVerstuurd(String berichtsoort, String identificatie, String afzender, String ontvanger, String xml, Instant at)
      implements CaseEvent {
    @Override
    public String type() {
      return berichtsoort + "_VERSTUURD";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("identificatie", identificatie, "aanbieder", ontvanger);
    }
  }

  /** A bericht could not be written, e.g. a WMO301 for a cliënt whose name or birth date is unknown. */
  record BerichtNietVerstuurd(String berichtsoort, String ontvanger, String reden, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return berichtsoort + "_NIET_VERSTUURD";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("aanbieder", ontvanger, "reden", reden);
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
    public String type() {
      return verzoeken.get(0).berichtsoort() + "_ONTVANGEN";
    }

    @Override
    public Map<String, String> details() {
      Verzoek eerste = verzoeken.get(0);
      return Details.of("aanbieder", eerste.aanbieder(),
          "referentieAanbieder", String.join(",", verzoeken.stream().map(Verzoek::referentieAanbieder).toList()),
          "bericht", Details.link(eerste.berichtId()));
    }
  }

  /** The gemeente answered a verzoek with the WMO319 {@code identificatie}: rejected ({@code reden}) or in onderzoek. */
  record VerzoekBeantwoord(
      String aanbieder, String referentieAanbieder, VerzoekAntwoord antwoord, RedenAfwijzingVerzoek reden,
      String identificatie, Instant at)
      implements CaseEvent {
    @Override
    public String type() {
      return antwoord == VerzoekAntwoord.VERZOEK_AFGEWEZEN ? "VERZOEK_AFGEWEZEN" : "VERZOEK_IN_ONDERZOEK";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("aanbieder", aanbieder, "referentieAanbieder", referentieAanbieder,
          "reden", reden == null ? null : reden.code() + " " + reden.omschrijving(), "identificatie", identificatie);
    }
  }

  /** Toewijzingen honoured a verzoek: the WMO301 that reports them carries its reference (TR379). */
  record VerzoekGehonoreerd(String aanbieder, String referentieAanbieder, List<Long> toewijzingNummers, Instant at)
      implements CaseEvent {
    public VerzoekGehonoreerd {
      toewijzingNummers = List.copyOf(toewijzingNummers);
    }

    @Override
    public String type() {
      return "VERZOEK_GEHONOREERD";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("aanbieder", aanbieder, "referentieAanbieder", referentieAanbieder,
          "toewijzingen", String.join(",", toewijzingNummers.stream().map(String::valueOf).toList()));
    }
  }

  /** The aanbieder returned the case's WMO319 {@code identificatie} with a WMO320 (stored as {@code berichtId}). */
  record AntwoordBevestigd(String aanbieder, String identificatie, Long berichtId, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "ANTWOORD_BEVESTIGD";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("aanbieder", aanbieder, "identificatie", identificatie, "bericht", Details.link(berichtId));
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
    public String type() {
      return "WMO323_ONTVANGEN";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("aanbieder", aanbieder, "declaratieNummer", declaratieNummer, "bericht", Details.link(berichtId));
    }
  }

  /** A prestatie of the declaratie {@code berichtId} passed every rule: it is granted (paid, or for a credit, taken back). */
  record PrestatieToegekend(long berichtId, Prestatie prestatie, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "PRESTATIE_TOEGEKEND";
    }

    @Override
    public Map<String, String> details() {
      Prestatie p = prestatie;
      return Details.of("referentieNummer", p.referentieNummer(), "vorigReferentieNummer", p.vorigReferentieNummer(),
          "toewijzingNummer", p.toewijzingNummer(), "product", p.productcode(),
          "productPeriode", p.begindatum() + " tot en met " + p.einddatum(),
          "volume", p.geleverdVolume() + " " + p.eenheid().omschrijving(),
          "bedrag", p.bedrag() + " " + p.debetCredit().code(), "bericht", Details.link(berichtId));
    }
  }

  /** The WMO325 (stored as {@code retourId}) answering declaratie {@code berichtId} went out. */
  record DeclaratieBeantwoord(long berichtId, long retourId, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "WMO325_VERSTUURD";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("declaratie", Details.link(berichtId), "bericht", Details.link(retourId));
    }
  }

  record Ingetrokken(String reden, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "INGETROKKEN";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("reden", reden);
    }
  }

  record Afgewezen(String reden, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "AFGEWEZEN";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("reden", reden);
    }
  }

  /** The aanbieder confirmed its toewijzingen (a WMO302, stored as {@code berichtId} if it came that way). */
  record ToewijzingBevestigd(String aanbieder, Long berichtId, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "TOEWIJZING_BEVESTIGD";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("aanbieder", aanbieder, "bericht", Details.link(berichtId));
    }
  }

  /** A deadline started; its dates and moments are fixed from here on. */
  record DeadlineSet(Deadline deadline, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "DEADLINE_SET";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("code", deadline.code(), "due", deadline.due(), "responsible", deadline.responsible());
    }

    @Override
    public boolean inHistory() {
      return false;
    }
  }

  /** The event a deadline waited for happened; {@code late} when after its due date. */
  record DeadlineMet(String deadlineId, boolean late, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "DEADLINE_MET";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("deadline", deadlineId, "late", late);
    }

    @Override
    public boolean inHistory() {
      return false;
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
    public String type() {
      return "DEADLINE_" + level.name();
    }

    @Override
    public Map<String, String> details() {
      return Details.of("code", code, "omschrijving", omschrijving, "responsible", responsible, "due", due);
    }
  }

  /** A running deadline no longer applies: the case or the toewijzing it was about ended. */
  record DeadlineVervallen(String deadlineId, String reden, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "DEADLINE_VERVALLEN";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("deadline", deadlineId, "reden", reden);
    }

    @Override
    public boolean inHistory() {
      return false;
    }
  }

  /** Builds history details in the order given, leaving out what is absent. */
  final class Details {
    private Details() {}

    /** Where the bericht behind an event can be read (the audit trail). */
    static String link(Long berichtId) {
      return berichtId == null ? null : "/iwmo/v1/berichten/" + berichtId;
    }

    static Map<String, String> of(Object... keysAndValues) {
      Map<String, String> details = new LinkedHashMap<>();
      for (int i = 0; i < keysAndValues.length; i += 2) {
        Object value = keysAndValues[i + 1];
        if (value != null) details.put((String) keysAndValues[i], String.valueOf(value));
      }
      return details;
    }
  }
}
