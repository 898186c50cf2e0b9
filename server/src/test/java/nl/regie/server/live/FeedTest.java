package nl.regie.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The feed and its subscriptions against a table in memory: a subscriber gets every entry after its
 * offset once and in order, from the table while it is behind memory and from memory near the head;
 * one that was live and fell behind gets an overflow; a failing read is tried again; one whose offset
 * is below what the table pruned gets a reset, one at or above it everything that is kept.
 */
class FeedTest {

  static final ActorTestKit testKit = ActorTestKit.create();

  /** An append-only table of offsets; ids are given in commit order, with a gap where one rolled back. */
  static final class Table implements Feed.Table<Long> {
    final List<Long> rows = new ArrayList<>();
    final List<Long> reads = new ArrayList<>();
    final AtomicBoolean failNext = new AtomicBoolean();
    long gone;

    synchronized void append(long... offsets) {
      for (long offset : offsets) rows.add(offset);
    }

    /** Deletes the rows up to {@code upTo} and says so, at once (one transaction). */
    synchronized void prune(long upTo) {
      rows.removeIf(o -> o <= upTo);
      gone = Math.max(gone, upTo);
    }

    @Override
    public synchronized long goneUpTo() {
      return gone;
    }

    @Override
    public synchronized List<Long> after(long after, int limit) {
      if (failNext.getAndSet(false)) throw new IllegalStateException("the database is down");
      reads.add(after);
      return rows.stream().filter(o -> o > after).limit(limit).toList();
    }

    synchronized List<Long> reads() {
      return List.copyOf(reads);
    }
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  static Feed<Long> feed(Table table, long head, int memory) {
    return new Feed<>("test", table, head, o -> o, memory, Duration.ofMillis(10), ForkJoinPool.commonPool());
  }

  /** A subscriber that takes one delivery when asked, and asks for no more ahead than it must. */
  static SinkQueueWithCancel<Subscription.Delivery<Long>> subscribe(Feed<Long> feed, long from, Predicate<Long> visible) {
    return Subscription.of(feed, from, visible)
        .withAttributes(Attributes.inputBuffer(1, 1))
        .runWith(Sink.queue(), testKit.system());
  }

  static long next(SinkQueueWithCancel<Subscription.Delivery<Long>> queue) throws Exception {
    Subscription.Delivery<Long> delivery = take(queue.pull());
    return ((Subscription.Entry<Long>) delivery).entry();
  }

  static <T> T take(CompletionStage<Optional<T>> pulled) throws Exception {
    return pulled.toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
  }

  @Test
  void aSubscriberFromLongAgoReadsTheTableThenGoesOnFromMemory() throws Exception {
    Table table = new Table();
    table.append(1, 2, 4, 5); // 3 rolled back
    try (Feed<Long> feed = feed(table, 5, 3)) {
      var queue = subscribe(feed, 0, o -> true);
      assertEquals(List.of(1L, 2L, 4L, 5L), List.of(next(queue), next(queue), next(queue), next(queue)));
      table.append(6, 7);
      assertEquals(List.of(6L, 7L), List.of(next(queue), next(queue)));
      assertEquals(7, feed.head());
      queue.cancel();
    }
  }

  @Test
  void aSubscriberAtTheHeadGetsOnlyWhatComesNextAndOnlyWhatItMaySee() throws Exception {
    Table table = new Table();
    table.append(LongStream.rangeClosed(1, 10).toArray());
    try (Feed<Long> feed = feed(table, 10, 100)) {
      var queue = subscribe(feed, feed.head(), o -> o % 2 == 0);
      table.append(11, 12, 13, 14);
      assertEquals(List.of(12L, 14L), List.of(next(queue), next(queue)));
      int readsFromTheTable = (int) table.reads().stream().filter(after -> after < 10).count();
      assertEquals(0, readsFromTheTable, "the subscriber near the head reads memory only: " + table.reads());
      queue.cancel();
    }
  }

  /** The other trap: a stream from offset 0 on a big table must not read the table, only what its client takes. */
  @Test
  void aSubscriberFromTheStartReadsTheTableAPageAtATimeAndOnlyAsItsClientReads() throws Exception {
    Table table = new Table();
    table.append(LongStream.rangeClosed(1, 10_000).toArray());
    try (Feed<Long> feed = feed(table, 10_000, 100)) {
      var queue = subscribe(feed, 0, o -> true);
      for (long o = 1; o <= 3; o++) assertEquals(o, next(queue));
      Thread.sleep(200);
      List<Long> fromTheStart = table.reads().stream().filter(after -> after < 10_000).toList();
      assertTrue(fromTheStart.size() <= 2, "three entries taken cost a page or two of 500, not the table: " + fromTheStart);
      queue.cancel();
    }
  }

  @Test
  void aLiveSubscriberThatFallsBehindMemoryGetsAnOverflowAndItsStreamEnds() throws Exception {
    Table table = new Table();
    try (Feed<Long> feed = feed(table, 0, 3)) {
      var queue = subscribe(feed, 0, o -> true);
      table.append(1);
      assertEquals(1L, next(queue));
      // Five at once while the subscriber reads nothing: memory keeps 3, 4 and 5 of them.
      table.append(2, 3, 4, 5, 6);
      Subscription.Delivery<Long> delivery = take(queue.pull());
      // It may have fetched one batch ahead before falling behind; what it got is in order and whole.
      long last = 1;
      while (delivery instanceof Subscription.Entry<Long> e) {
        assertEquals(last + 1, e.entry());
        last = e.entry();
        delivery = take(queue.pull());
      }
      assertEquals(new Subscription.Overflow<Long>(last), assertInstanceOf(Subscription.Overflow.class, delivery));
      assertEquals(Optional.empty(), queue.pull().toCompletableFuture().get(10, TimeUnit.SECONDS));

      // It reconnects from there and gets the rest.
      var again = subscribe(feed, last, o -> true);
      for (long o = last + 1; o <= 6; o++) assertEquals(o, next(again));
      again.cancel();
    }
  }

  @Test
  void aFailedReadIsTriedAgainAndNothingIsLost() throws Exception {
    Table table = new Table();
    try (Feed<Long> feed = feed(table, 0, 10)) {
      var queue = subscribe(feed, 0, o -> true);
      table.failNext.set(true);
      table.append(1, 2);
      assertEquals(List.of(1L, 2L), List.of(next(queue), next(queue)));
      queue.cancel();
    }
  }

  @Test
  void aSubscriberBelowWhatWasPrunedGetsAResetAndOneAtItGetsEverythingKept() throws Exception {
    Table table = new Table();
    table.append(LongStream.rangeClosed(1, 10).toArray());
    table.prune(5);
    try (Feed<Long> feed = feed(table, 10, 3)) {
      var below = subscribe(feed, 2, o -> true);
      assertEquals(new Subscription.Reset<Long>(5), take(below.pull()));
      assertEquals(Optional.empty(), below.pull().toCompletableFuture().get(10, TimeUnit.SECONDS), "the stream ends");

      // It resumes after the offset the reset names and misses nothing that is kept.
      var resumed = subscribe(feed, 5, o -> true);
      for (long o = 6; o <= 10; o++) assertEquals(o, next(resumed));
      table.append(11);
      assertEquals(11L, next(resumed));
      resumed.cancel();
    }
  }

  /** The whole window passed at once: entries pruned before the poller read them cannot be skipped silently. */
  @Test
  void entriesPrunedBeforeTheFeedReadThemResetItsLiveSubscribers() throws Exception {
    Table table = new Table();
    table.append(1, 2);
    try (Feed<Long> feed = feed(table, 2, 10)) {
      var live = subscribe(feed, 2, o -> true);
      var behind = subscribe(feed, 0, o -> true);
      assertEquals(List.of(1L, 2L), List.of(next(behind), next(behind)));
      synchronized (table) {
        table.append(3, 4);
        table.prune(4);
      }
      assertEquals(new Subscription.Reset<Long>(4), take(live.pull()));
      assertEquals(new Subscription.Reset<Long>(4), take(behind.pull()));

      var resumed = subscribe(feed, 4, o -> true);
      table.append(5);
      assertEquals(5L, next(resumed));
      assertEquals(5, feed.head());
      resumed.cancel();
    }
  }
}
