package nl.regie.server.cases;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Objects;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.Eenheid;

/**
 * One Prestatie of a WMO323 as the case knows it: what was delivered under one toewijzing in one
 * productperiode, and what it costs. A credit cancels the debet whose ReferentieNummer it names in
 * {@code vorigReferentieNummer} (IV091). Kept apart from the iWmo message records on purpose: it
 * lives on in events, which are forever.
 *
 * @param bedrag the IngediendBedrag in eurocent, never negative; {@code debetCredit} gives its sign
 */
public record Prestatie(
    String referentieNummer,
    String vorigReferentieNummer,
    long toewijzingNummer,
    String productcategorie,
    String productcode,
    LocalDate begindatum,
    LocalDate einddatum,
    long geleverdVolume,
    Eenheid eenheid,
    long bedrag,
    DebetCredit debetCredit) {

  public Prestatie {
    Objects.requireNonNull(referentieNummer, "referentieNummer");
    Objects.requireNonNull(begindatum, "begindatum");
    Objects.requireNonNull(einddatum, "einddatum");
    Objects.requireNonNull(eenheid, "eenheid");
    Objects.requireNonNull(debetCredit, "debetCredit");
  }

  @JsonIgnore
  public boolean isCredit() {
    return debetCredit == DebetCredit.CREDIT;
  }
}
