package nl.regie.server;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the projections of the case events (deadlines, berichten) take their events: in groups, each
 * group in one transaction with its offset, so that a burst of events costs a few commits instead
 * of one per event (and per projection).
 *
 * @param groupSize the most events in one transaction
 * @param groupWithin how long a group waits to fill; the most a quiet event waits for its projection
 * @param caseListFolds how many cases' states each slice of the case list keeps in memory
 */
public record ProjectionSettings(int groupSize, Duration groupWithin, int caseListFolds) {

  public ProjectionSettings {
    if (groupSize < 1) throw new IllegalArgumentException("regie.projections.group-size must be at least 1");
    if (groupWithin.isNegative() || groupWithin.isZero()) {
      throw new IllegalArgumentException("regie.projections.group-within must be positive");
    }
    if (caseListFolds < 1) throw new IllegalArgumentException("regie.projections.case-list-folds must be at least 1");
  }

  public static ProjectionSettings from(Config regie) {
    return new ProjectionSettings(regie.getInt("projections.group-size"), regie.getDuration("projections.group-within"),
        regie.getInt("projections.case-list-folds"));
  }
}
