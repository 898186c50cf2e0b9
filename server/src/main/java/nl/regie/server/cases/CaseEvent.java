package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.regie.persistence.JsonSerializable;
import nl.regie.protocol.codes.RedenBeeindiging;
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
