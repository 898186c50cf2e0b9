package nl.regie.server.live;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the live streams run.
 *
 * @param pollInterval how often a node reads what came after the last entry it saw: the most a
 *     change waits before it is streamed (after its projection)
 * @param memory how many of the newest entries of each stream a node keeps; a subscriber further
 *     behind than that, once it has been live, gets an overflow
 * @param heartbeat how long an idle SSE stream waits before a comment line keeps it open
 * @param caseRetention how long, on Regie's clock, the case stream keeps a change: older ones are
 *     pruned, and a subscriber that asks for what came before them gets a reset
 * @param pruneInterval how often a node prunes the case stream
 */
public record StreamSettings(Duration pollInterval, int memory, Duration heartbeat, Duration caseRetention, Duration pruneInterval) {

  public StreamSettings {
    if (pollInterval.isNegative() || pollInterval.isZero()) throw new IllegalArgumentException("regie.streams.poll-interval must be positive");
    if (memory < 1) throw new IllegalArgumentException("regie.streams.memory must be at least 1");
    if (heartbeat.isNegative() || heartbeat.isZero()) throw new IllegalArgumentException("regie.streams.heartbeat must be positive");
    if (caseRetention.isNegative() || caseRetention.isZero()) throw new IllegalArgumentException("regie.streams.case-retention must be positive");
    if (pruneInterval.isNegative() || pruneInterval.isZero()) throw new IllegalArgumentException("regie.streams.prune-interval must be positive");
  }

  public static StreamSettings from(Config regie) {
    return new StreamSettings(regie.getDuration("streams.poll-interval"), regie.getInt("streams.memory"),
        regie.getDuration("streams.heartbeat"), regie.getDuration("streams.case-retention"), regie.getDuration("streams.prune-interval"));
  }
}
