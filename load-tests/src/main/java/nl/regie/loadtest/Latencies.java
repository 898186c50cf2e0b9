package nl.regie.loadtest;

import java.util.Arrays;

/** Request latencies of one run, in microseconds, and their percentiles. Thread-safe. */
final class Latencies {

  private long[] micros = new long[1024];
  private int count;

  synchronized void record(long nanos) {
    if (count == micros.length) micros = Arrays.copyOf(micros, count * 2);
    micros[count++] = nanos / 1_000;
  }

  synchronized int count() {
    return count;
  }

  /** The {@code p}-th percentile in milliseconds (p in 0..100). */
  synchronized double percentileMillis(double p) {
    if (count == 0) return 0;
    long[] sorted = Arrays.copyOf(micros, count);
    Arrays.sort(sorted);
    int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
    return sorted[index] / 1000.0;
  }
}
