package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.codes.RedenBeeindiging;

/**
 * Body of {@code zorg-gestopt}: care under one toewijzing ended (what a WMO307 says). RedenBody 20
 * pauses it; any other reden stops it for good.
 */
public record ZorgGestoptBody(Long toewijzingNummer, LocalDate einddatum, RedenBeeindiging reden)
    implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations()
        .required(toewijzingNummer, "toewijzingNummer")
        .required(einddatum, "einddatum")
        .required(reden, "reden")
        .list();
  }
}
