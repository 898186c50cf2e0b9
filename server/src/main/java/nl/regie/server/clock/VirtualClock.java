package nl.regie.server.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import nl.regie.persistence.VirtualClockStore;

/**
 * A clock that stands still until it is moved ({@code REGIE_CLOCK=virtual}), so that weeks of
 * deadlines pass in seconds in tests, demos and load tests. Its time is saved before it is used,
 * so a restarted server goes on from where it was, and it never goes back. It is meant for one
 * node: other nodes of a cluster would not see it move.
 */
public final class VirtualClock extends Clock {

  private final VirtualClockStore store;
  private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();
  private volatile Instant now;

  private VirtualClock(VirtualClockStore store, Instant now) {
    this.store = store;
    this.now = now;
  }

  /**
   * The saved time, or {@code start} when that is later (so an operator can move a stopped
   * server's clock forward, never back); {@code start} is saved when it is used.
   */
  public static VirtualClock load(VirtualClockStore store, Instant start) {
    Optional<Instant> saved = store.load();
    if (saved.isPresent() && !saved.get().isBefore(start)) return new VirtualClock(store, saved.get());
    store.save(start);
    return new VirtualClock(store, start);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  /**
   * Moves the clock to {@code target} and tells the listeners.
   *
   * @throws IllegalArgumentException when {@code target} is before the current time
   */
  public synchronized Instant set(Instant target) {
    if (target.isBefore(now)) {
      throw new IllegalArgumentException("the virtual clock never goes back: it is " + now + ", not " + target);
    }
    store.save(target);
    now = target;
    listeners.forEach(listener -> listener.accept(target));
    return target;
  }

  public synchronized Instant advance(Duration duration) {
    if (duration.isNegative()) throw new IllegalArgumentException("the virtual clock never goes back");
    return set(now.plus(duration));
  }

  /** Moves on by calendar days, weeks, months or years as they fall in {@code zone}. */
  public synchronized Instant advance(Period period, ZoneId zone) {
    if (period.isNegative()) throw new IllegalArgumentException("the virtual clock never goes back");
    return set(now.atZone(zone).plus(period).toInstant());
  }

  /** {@code listener} hears every move, after it is saved. */
  public void onChange(Consumer<Instant> listener) {
    listeners.add(listener);
  }
}
