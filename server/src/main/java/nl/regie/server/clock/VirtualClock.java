package nl.regie.server.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import nl.regie.persistence.VirtualClockStore;

/**
 * A clock that stands still until it is moved ({@code REGIE_CLOCK=virtual}), so that weeks of
 * deadlines pass in seconds in tests, demos and load tests. Its time lives in the database, one
 * row for the whole cluster: a move is saved there before it is used, moves from the saved time
 * (so that two nodes moving at once lose neither move), and never goes back. Each node keeps the
 * time in memory for {@link #instant()}, and takes on another node's move with {@link #catchUp}
 * (told by {@link ClockSync}) or {@link #refresh} (read from the row).
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
   * cluster's clock forward, never back); {@code start} is saved when it is used.
   */
  public static VirtualClock load(VirtualClockStore store, Instant start) {
    return new VirtualClock(store, store.move(saved -> saved.filter(s -> !s.isBefore(start)).orElse(start)));
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
   * Moves the cluster's clock to {@code target} and tells the listeners.
   *
   * @throws IllegalArgumentException when {@code target} is before the cluster's time
   */
  public Instant set(Instant target) {
    return moved(store.move(saved -> target));
  }

  /** Moves the cluster's clock on by {@code duration} from its saved time. */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) throw new IllegalArgumentException("the virtual clock never goes back");
    return moved(store.move(saved -> saved.orElse(now).plus(duration)));
  }

  /** Moves on by calendar days, weeks, months or years as they fall in {@code zone}. */
  public Instant advance(Period period, ZoneId zone) {
    if (period.isNegative()) throw new IllegalArgumentException("the virtual clock never goes back");
    return moved(store.move(saved -> saved.orElse(now).atZone(zone).plus(period).toInstant()));
  }

  /**
   * Takes on {@code seen}, a time the cluster's clock was moved to, when it is later than this
   * node's; an earlier one changes nothing.
   *
   * @return whether this node's time moved
   */
  public boolean catchUp(Instant seen) {
    synchronized (this) {
      if (!seen.isAfter(now)) return false;
      now = seen;
    }
    listeners.forEach(listener -> listener.accept(seen));
    return true;
  }

  /** Reads the saved time and catches up with it (a move another node made that this one was not told of). */
  public boolean refresh() {
    return store.load().map(this::catchUp).orElse(false);
  }

  private Instant moved(Instant to) {
    catchUp(to);
    return to;
  }

  /** {@code listener} hears every move of this node's time, after it is saved. */
  public void onChange(Consumer<Instant> listener) {
    listeners.add(listener);
  }
}
