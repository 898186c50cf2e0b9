package nl.regie.server.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tail of a table whose ids become visible in commit order (an append-locked table), for the
 * streams of this node. One thread polls the table for what came after the last id it saw and keeps
 * the newest {@code capacity} entries in memory; every subscriber reads on from its own offset, from
 * memory while its offset is within it, from the table (a page at a time, when it asks) while it is
 * further back. So a thousand subscribers cost one query per poll, a subscriber that reads nothing
 * holds nothing, and whatever node a subscriber reconnects to, it resumes from the database: the
 * stream never depends on which node wrote an entry.
 */
public final class Feed<T> implements AutoCloseable {

  /** The table, as the feed reads it: up to {@code limit} entries after offset {@code after}, in offset order. */
  public interface Table<T> {
    List<T> after(long after, int limit);
  }

  /**
   * What a subscriber gets next: the entries after its offset; {@code upTo}, the offset it has now
   * seen everything up to; and whether they came from memory (the subscriber is near the head) or
   * from the table (it is further back than memory reaches).
   */
  public record Batch<T>(List<T> entries, long upTo, boolean fromMemory) {}

  private static final Logger log = LoggerFactory.getLogger(Feed.class);
  private static final int PAGE = 500;

  private final String name;
  private final Table<T> table;
  private final ToLongFunction<T> offsetOf;
  private final int capacity;
  private final Executor blocking;
  private final ScheduledExecutorService poller;

  /** The newest entries, oldest first, in a ring: {@code count} of them from index {@code first}. */
  private final Object[] recent;
  private final long[] offsets;
  private int first;
  private int count;
  /** Every entry after this offset, up to {@link #head}, is in {@link #recent}. */
  private long floor;
  private long head;
  /** Completes when the head moves on; all who wait for the next entry share it. */
  private CompletableFuture<Void> moved = new CompletableFuture<>();
  private boolean failing;

  /**
   * Starts polling {@code table} after {@code head}, the last offset it has given so far (or 0):
   * what came before, subscribers read from the table.
   */
  public Feed(String name, Table<T> table, long head, ToLongFunction<T> offsetOf, int capacity, Duration pollInterval,
      Executor blocking) {
    this.name = name;
    this.table = table;
    this.offsetOf = offsetOf;
    this.capacity = capacity;
    this.recent = new Object[capacity];
    this.offsets = new long[capacity];
    this.blocking = blocking;
    this.head = head;
    this.floor = head;
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "regie-feed-" + name);
      t.setDaemon(true);
      return t;
    });
    poller.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The offset of the newest entry this node has seen. */
  public synchronized long head() {
    return head;
  }

  /**
   * The entries after offset {@code after}, at most a page: at once when there are some, else when
   * the next one comes.
   */
  public CompletionStage<Batch<T>> next(long after) {
    CompletableFuture<Void> waitFor;
    synchronized (this) {
      if (after < floor) {
        long reaches = floor;
        return CompletableFuture.supplyAsync(() -> {
          List<T> entries = table.after(after, PAGE);
          // Nothing in the table up to memory's floor (entries rolled back, or pruned): memory goes on from there.
          return new Batch<>(entries, entries.isEmpty() ? reaches : offsetOf.applyAsLong(entries.get(entries.size() - 1)), false);
        }, blocking);
      }
      if (after < head) {
        List<T> entries = fromMemory(after);
        return CompletableFuture.completedFuture(new Batch<>(entries, offsetOf.applyAsLong(entries.get(entries.size() - 1)), true));
      }
      waitFor = moved;
    }
    return waitFor.thenCompose(ignored -> next(after));
  }

  @SuppressWarnings("unchecked")
  private List<T> fromMemory(long after) {
    // The first entry above after, by binary search over the ring's offsets, which ascend.
    int low = 0;
    int high = count;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (offsets[(first + mid) % capacity] <= after) low = mid + 1;
      else high = mid;
    }
    List<T> entries = new ArrayList<>(Math.min(PAGE, count - low));
    for (int i = low; i < count && entries.size() < PAGE; i++) entries.add((T) recent[(first + i) % capacity]);
    return entries;
  }

  private void poll() {
    try {
      List<T> page;
      do {
        page = table.after(head(), PAGE);
        if (!page.isEmpty()) append(page);
      } while (page.size() == PAGE);
      if (failing) log.info("feed {}: reading the database again", name);
      failing = false;
    } catch (RuntimeException e) {
      // Subscribers wait meanwhile; the next poll reads on from the same offset.
      if (!failing) log.warn("feed {}: cannot read the database ({}); trying again", name, e.getMessage());
      failing = true;
    }
  }

  private void append(List<T> page) {
    CompletableFuture<Void> wake;
    synchronized (this) {
      for (T entry : page) {
        long offset = offsetOf.applyAsLong(entry);
        if (count == capacity) {
          floor = offsets[first];
          first = (first + 1) % capacity;
          count--;
        }
        int at = (first + count) % capacity;
        recent[at] = entry;
        offsets[at] = offset;
        count++;
        head = offset;
      }
      wake = moved;
      moved = new CompletableFuture<>();
    }
    wake.complete(null);
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
