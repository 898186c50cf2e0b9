package nl.regie.server.deadline;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the deadline scheduler wakes cases.
 *
 * @param pollInterval how often it looks in the index (also when the virtual clock moves)
 * @param batchSize index rows per query
 * @param parallelism cases being woken at once
 * @param maxWakesPerSecond a bound on the pace, so that a burst of due deadlines recovers cases
 *     steadily instead of all at once (the thundering herd of remembered entities)
 * @param rewakeAfter a case woken for a moment is not woken again for the same moment within this
 *     window: the index may lag behind the case by a projection step
 * @param lookAhead a case whose moment comes within this long is woken before it, so that it is
 *     in memory when the moment comes (zero: no early wakes); at most half the passivation
 *     timeout, or it would leave memory again before its moment
 */
public record SchedulerSettings(
    Duration pollInterval, int batchSize, int parallelism, int maxWakesPerSecond, Duration rewakeAfter, Duration lookAhead) {

  public static SchedulerSettings from(Config regie) {
    Config c = regie.getConfig("deadlines.scheduler");
    return new SchedulerSettings(
        c.getDuration("poll-interval"),
        c.getInt("batch-size"),
        c.getInt("parallelism"),
        c.getInt("max-wakes-per-second"),
        c.getDuration("rewake-after"),
        c.getDuration("look-ahead"));
  }

  /** These settings with a look-ahead of at most {@code limit}. */
  public SchedulerSettings withLookAheadAtMost(Duration limit) {
    if (lookAhead.compareTo(limit) <= 0) return this;
    return new SchedulerSettings(pollInterval, batchSize, parallelism, maxWakesPerSecond, rewakeAfter, limit);
  }
}
