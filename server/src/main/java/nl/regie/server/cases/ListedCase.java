package nl.regie.server.cases;

import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.CaseList;

/**
 * Where one case stands in the case list while its projection applies a group of events: folded
 * ({@link CaseListFolds.Folded}), or only its row moved on by alerts ({@link AlertedRow}). Each
 * event returns the case after it, or the same one when the row has seen the event already.
 */
sealed interface ListedCase permits CaseListFolds.Folded, AlertedRow {

  ListedCase next(long sequenceNr, CaseEvent event);

  /** Whether the row must be written. */
  boolean changed();

  /** The row to write, with the aanbieders when they differ from {@code before}'s (else null). */
  CaseList.Change write(ListedCase before);

  /** The case stream's entry for a decision caused by {@code cause}, showing the case as it stands now. */
  CaseChanges.NewChange change(CaseEvent cause);

  /**
   * What {@code next} does with an event it has not seen: only the one after its version, for a
   * case folded on past a missing event would leave a wrong row for good; stopping shows it.
   */
  static void checkFollows(String caseId, long version, long sequenceNr) {
    if (sequenceNr != version + 1) {
      throw new IllegalStateException("case " + caseId + ": event " + sequenceNr + " came after event " + version
          + ", the events between are missing");
    }
  }
}
