package nl.regie.server.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.regie.persistence.CaseChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the case stream a window: every interval, and at once when the virtual clock moves, it
 * deletes the changes older than the retention on Regie's clock ({@link CaseChanges#prune}), a
 * bounded batch per transaction so that a first prune of a big table holds no long transaction.
 * The changes are only the stream's buffer; a case's history is its journal. Every node runs one:
 * the horizon's row makes them take turns, and what one pruned the next finds gone.
 */
public final class CaseStreamPruner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CaseStreamPruner.class);
  /** Changes per transaction. */
  static final int BATCH = 1000;

  private final CaseChanges changes;
  private final Clock clock;
  private final Duration retention;
  private final ScheduledExecutorService worker;
  private boolean failing;

  public CaseStreamPruner(CaseChanges changes, Clock clock, Duration retention, Duration interval) {
    this.changes = changes;
    this.clock = clock;
    this.retention = retention;
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "regie-case-stream-pruner");
      t.setDaemon(true);
      return t;
    });
    worker.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Prunes soon, besides the schedule (when the clock has moved). */
  public void pruneSoon() {
    if (!worker.isShutdown()) worker.execute(this::round);
  }

  /** Deletes the changes before now minus the retention, a batch at a time, until none is left. */
  private void round() {
    try {
      Instant before = clock.instant().minus(retention);
      long pruned = 0;
      int batch;
      do {
        batch = changes.prune(before, BATCH);
        pruned += batch;
      } while (batch == BATCH && !Thread.currentThread().isInterrupted());
      if (pruned > 0) log.info("case stream: pruned {} changes of before {}", pruned, before);
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) log.warn("case stream: cannot prune ({}); trying again", e.getMessage());
      failing = true;
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
