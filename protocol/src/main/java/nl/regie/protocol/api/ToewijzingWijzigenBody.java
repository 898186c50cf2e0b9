package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.codes.RedenWijziging;

/**
 * Body of {@code toewijzing-wijzigen}: the backoffice gives a toewijzing a new einddatum, for a
 * RedenWijziging of iWmo code list WMO002 (e.g. {@code "05"} verkorting, {@code "04"} verlenging,
 * {@code "13"} verwijderd with einddatum = ingangsdatum).
 */
public record ToewijzingWijzigenBody(Long toewijzingNummer, LocalDate einddatum, RedenWijziging reden) implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations()
        .required(toewijzingNummer, "toewijzingNummer")
        .required(einddatum, "einddatum")
        .required(reden, "reden")
        .list();
  }
}
