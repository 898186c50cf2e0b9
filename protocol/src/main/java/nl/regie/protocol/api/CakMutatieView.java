package nl.regie.protocol.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a gemeente's monthly CAK aanlevering: a start or stop of care, or the withdrawal of
 * one, as Regie recorded it. It carries the cliënt's full BSN, which the CAK needs to levy the
 * eigen bijdrage; only the gemeente's backoffice and supervisors get it.
 *
 * @param geregistreerd when Regie recorded it; its month (in Regie's zone) is the aanlevering it is in
 * @param soort what happened to the period of care
 * @param begindatum the first day of the period of care (for every soort)
 * @param einddatum the last day of care: for a STOP, and for a STOP_VERWIJDERD the stop withdrawn
 * @param reden the iWmo reden beëindiging (WMO588) of a STOP or of the stop withdrawn
 */
public record CakMutatieView(
    Instant geregistreerd,
    Soort soort,
    String bsn,
    String gemeente,
    long toewijzingNummer,
    String product,
    String aanbieder,
    LocalDate begindatum,
    LocalDate einddatum,
    String reden,
    String caseId) {

  /** What a line says about a period of care. */
  public enum Soort {
    /** Care started: the eigen bijdrage may start. */
    START,
    /** Care stopped, for good or for a while (reden 20): the eigen bijdrage stops. */
    STOP,
    /** A start reported earlier was withdrawn: the period did not happen. */
    START_VERWIJDERD,
    /** A stop reported earlier was withdrawn: the period runs again. */
    STOP_VERWIJDERD
  }
}
