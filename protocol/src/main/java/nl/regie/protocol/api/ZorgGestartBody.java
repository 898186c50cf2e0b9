package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code zorg-gestart}: care under one toewijzing actually began (what a WMO305 says). */
public record ZorgGestartBody(Long toewijzingNummer, LocalDate begindatum) implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations()
        .required(toewijzingNummer, "toewijzingNummer")
        .required(begindatum, "begindatum")
        .list();
  }
}
