package nl.regie.server.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One subscriber's stream of a {@link Feed}: the entries after its offset that it may see, in
 * order, each once, then the live tail. It reads only when its connection asks for more, so a
 * stalled client holds no more than its socket's buffers. A subscriber that has been live and then
 * falls further behind than the feed's memory reaches gets {@link Overflow} and its stream ends:
 * reading its backlog from the database would load the database for a client that cannot keep up.
 * It reconnects from its last offset when it can. A subscriber whose offset is below what the
 * table has pruned gets {@link Reset} and its stream ends too: it cannot have every entry after its
 * offset, so it reloads what the stream summarises and resumes after the offset the reset names.
 */
public final class Subscription {

  /** What a subscriber receives. */
  public sealed interface Delivery<T> {}

  /** An entry it may see. */
  public record Entry<T>(T entry) implements Delivery<T> {}

  /** It fell too far behind; everything up to {@code offset} was delivered. The stream ends. */
  public record Overflow<T>(long offset) implements Delivery<T> {}

  /**
   * Entries after its offset up to {@code offset} may be gone: it must reload (the case list, say)
   * and resume after {@code offset}. The stream ends.
   */
  public record Reset<T>(long offset) implements Delivery<T> {}

  private record Position(long after, boolean live, boolean ended) {}

  private Subscription() {}

  /** The entries after offset {@code from} that pass {@code visible}, then an overflow or a reset if it comes to that. */
  public static <T> Source<Delivery<T>, NotUsed> of(Feed<T> feed, long from, Predicate<T> visible) {
    return Source.<Position, List<Delivery<T>>>unfoldAsync(new Position(from, false, false), p -> {
      if (p.ended()) return CompletableFuture.completedFuture(Optional.empty());
      return feed.next(p.after()).thenApply(batch -> {
        if (batch.gone()) {
          return Optional.of(Pair.create(new Position(p.after(), p.live(), true), List.<Delivery<T>>of(new Reset<>(batch.upTo()))));
        }
        if (p.live() && !batch.fromMemory()) {
          return Optional.of(Pair.create(new Position(p.after(), true, true), List.<Delivery<T>>of(new Overflow<>(p.after()))));
        }
        List<Delivery<T>> deliveries = new ArrayList<>();
        for (T entry : batch.entries()) if (visible.test(entry)) deliveries.add(new Entry<>(entry));
        return Optional.of(Pair.create(new Position(batch.upTo(), p.live() || batch.fromMemory(), false), deliveries));
      });
    }).mapConcat(deliveries -> deliveries);
  }
}
