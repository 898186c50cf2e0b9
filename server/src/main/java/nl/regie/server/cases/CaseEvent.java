package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.regie.persistence.JsonSerializable;
import nl.regie.protocol.codes.RedenBeeindiging;
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

  record ZorgGestart(long toewijzingNummer, LocalDate begindatum, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "ZORG_GESTART";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("toewijzingNummer", toewijzingNummer, "begindatum", begindatum);
    }
  }

  /** Care under a toewijzing ended; with reden 20 only for now (ONDERBROKEN). */
  record ZorgGestopt(long toewijzingNummer, LocalDate einddatum, RedenBeeindiging reden, Instant at)
      implements CaseEvent {
    @Override
    public String type() {
      return reden.isTijdelijk() ? "ZORG_ONDERBROKEN" : "ZORG_GESTOPT";
    }

    @Override
    public Map<String, String> details() {
      return Details.of(
          "toewijzingNummer", toewijzingNummer, "einddatum", einddatum, "reden", reden.code() + " " + reden.omschrijving());
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

  /** The aanbieder confirmed its toewijzingen (a WMO302). */
  record ToewijzingBevestigd(String aanbieder, Instant at) implements CaseEvent {
    @Override
    public String type() {
      return "TOEWIJZING_BEVESTIGD";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("aanbieder", aanbieder);
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
