package nl.regie.protocol.api;

import java.time.LocalDate;

/**
 * A period of care, as Regie knows it now, that overlaps a month: the CAK's stand of who was in
 * care during that month. Like {@link CakMutatieView} it carries the full BSN.
 *
 * @param einddatum null while care runs
 * @param reden the iWmo reden beëindiging (WMO588) once it stopped
 */
public record CakLeveringView(
    String bsn,
    String gemeente,
    long toewijzingNummer,
    String product,
    String aanbieder,
    LocalDate begindatum,
    LocalDate einddatum,
    String reden,
    String caseId) {}
