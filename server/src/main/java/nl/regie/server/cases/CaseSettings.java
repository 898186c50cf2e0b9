package nl.regie.server.cases;

import com.typesafe.config.Config;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How cases are persisted.
 *
 * @param snapshotEvery a snapshot after this many events, so that recovery reads few events
 * @param tagSlices the number of event tag slices for projections; treat it as schema, since
 *     changing it moves cases to other slices
 * @param passivateAfter an idle case leaves memory after this long and recovers when next needed
 * @param zone where a deadline's dates become moments: the start of a day is midnight there
 */
public record CaseSettings(int snapshotEvery, int tagSlices, Duration passivateAfter, ZoneId zone) {

  public CaseSettings {
    if (snapshotEvery < 1) throw new IllegalArgumentException("regie.cases.snapshot-every must be at least 1");
    if (tagSlices < 1) throw new IllegalArgumentException("regie.cases.tag-slices must be at least 1");
  }

  public static CaseSettings from(Config regie) {
    return new CaseSettings(
        regie.getInt("cases.snapshot-every"),
        regie.getInt("cases.tag-slices"),
        regie.getDuration("cases.passivate-after"),
        ZoneId.of(regie.getString("deadlines.zone")));
  }

  /** The tag of the slice {@code caseId} belongs to. */
  public String tagFor(String caseId) {
    return "case-" + Math.abs(caseId.hashCode() % tagSlices);
  }
}
