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
 * further back. So a thousand subscribers cost one poll, a subscriber that reads nothing
 * holds nothing, and whatever node a subscriber reconnects to, it resumes from the database: the
 * stream never depends on which node wrote an entry.
 *
 * <p>A table may keep only a window and prune its oldest entries ({@link Table#goneUpTo()}): a
 * subscriber whose offset is below what is gone gets a {@linkplain Batch#gone() gone} batch instead
 * of entries, since it cannot have every entry after its offset any more.
 */
public final class Feed<T> implements AutoCloseable {

  /** The table, as the feed reads it. */
  public interface Table<T> {

    /** Up to {@code limit} entries after offset {@code after}, in offset order. */
    List<T> after(long after, int limit);

    /**
     * The highest offset up to which entries may have been removed (pruned), or 0: none ever are
     * (the default). The feed reads it after the entries; a table that prunes must raise it in the
     * transaction that removes them, so that a reader who sees it at or below its offset has
     * missed nothing above its offset.
     */
    default long goneUpTo() {
      return 0;
    }
  }

  /**
   * What a subscriber gets next: the entries after its offset; {@code upTo}, the offset it has now
   * seen everything up to; whether they came from memory (the subscriber is near the head) or from
   * the table (it is further back than memory reaches); and whether, instead, the entries after its
   * offset up to {@code upTo} may be gone from the table ({@code gone}, with no entries): it cannot
   * have them all and must start again from something other than this stream.
   */
  public record Batch<T>(List<T> entries, long upTo, boolean fromMemory, boolean gone) {

    public Batch(List<T> entries, long upTo, boolean fromMemory) {
      this(entries, upTo, fromMemory, false);
    }

    /** The entries up to {@code horizon} may be gone. */
    static <T> Batch<T> goneUpTo(long horizon) {
      return new Batch<>(List.of(), horizon, false, true);
    }
  }

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
  /** What the table said is gone, at the last poll: a subscriber below it is told so, even while memory still holds its entries. */
  private long gone;
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
      if (after < gone) return CompletableFuture.completedFuture(Batch.goneUpTo(gone));
      if (after < floor) {
        long reaches = floor;
        return CompletableFuture.supplyAsync(() -> {
          List<T> entries = table.after(after, PAGE);
          // Second, so that a prune of rows after the subscriber's offset cannot pass unseen.
          long gone = table.goneUpTo();
          if (after < gone) return Batch.<T>goneUpTo(gone);
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
      long from = head();
      List<T> page;
      do {
        page = table.after(head(), PAGE);
        if (!page.isEmpty()) append(page);
      } while (page.size() == PAGE);
      // Entries after the head pruned before they were read (the whole window passed at once):
      // memory cannot vouch for them, so it gives up what it holds up to there.
      long gone = table.goneUpTo();
      if (gone > from) forget(gone);
      else if (gone > 0) gone(gone);
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

  private synchronized void gone(long upTo) {
    gone = Math.max(gone, upTo);
  }

  /** Memory holds nothing up to {@code gone}, which is beyond the head: a subscriber below it learns it is gone. */
  private void forget(long gone) {
    CompletableFuture<Void> wake;
    synchronized (this) {
      this.gone = Math.max(this.gone, gone);
      while (count > 0 && offsets[first] <= gone) {
        recent[first] = null;
        first = (first + 1) % capacity;
        count--;
      }
      floor = Math.max(floor, gone);
      head = Math.max(head, gone);
      wake = moved;
      moved = new CompletableFuture<>();
    }
    log.info("feed {}: entries up to {} were pruned before this node read them", name, gone);
    wake.complete(null);
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
