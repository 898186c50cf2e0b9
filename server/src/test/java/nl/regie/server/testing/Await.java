package nl.regie.server.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition outside the actor world, where no TestProbe can. */
public final class Await {

  private Await() {}

  /** Polls {@code value} until {@code done} holds for it, and returns it; fails after {@code timeout}. */
  public static <T> T until(Duration timeout, Supplier<T> value, java.util.function.Predicate<T> done, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = value.get();
      if (done.test(last)) return last;
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
    throw new AssertionError("gave up waiting for " + what + " after " + timeout + "; last seen: " + last);
  }
}
