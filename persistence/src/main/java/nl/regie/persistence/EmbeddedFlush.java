package nl.regie.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;

/**
 * Durability for the embedded H2 database, by group commit. H2 writes commits to its file later,
 * from a background thread (every half second by default), so a killed process lost what Regie had
 * already answered. Writing each commit at once ({@code WRITE_DELAY=0}) instead stops H2's
 * housekeeping and grew the file tenfold (BENCHMARKS.md). So commits stay lazy and answers wait:
 * one thread writes and syncs the store ({@code CHECKPOINT SYNC}) for all answers waiting, releases
 * them together, and goes again while more wait.
 *
 * <p>It also syncs at least every {@link #SYNC_INTERVAL_MILLIS}, waited for or not. That is what
 * makes the short {@code RETENTION_TIME} of {@link DatabaseSettings#embedded} safe: H2 overwrites a
 * dead chunk only after that time, and by then the chunks that replaced it are on the device.
 */
final class EmbeddedFlush implements Durability, AutoCloseable {

  static final long SYNC_INTERVAL_MILLIS = 1_000;

  private final DataSource dataSource;
  private final Thread flusher;
  private List<CompletableFuture<Void>> waiting = new ArrayList<>();
  private boolean closed;

  EmbeddedFlush(DataSource dataSource) {
    this.dataSource = dataSource;
    this.flusher = new Thread(this::flushWhileWaited, "regie-embedded-flush");
    flusher.setDaemon(true);
    flusher.start();
  }

  @Override
  public CompletionStage<Void> awaitDurable() {
    CompletableFuture<Void> durable = new CompletableFuture<>();
    synchronized (this) {
      if (closed) {
        durable.completeExceptionally(new DatabaseUnavailableException("the embedded database is closed", null));
      } else {
        waiting.add(durable);
        notifyAll();
      }
    }
    return durable;
  }

  private void flushWhileWaited() {
    boolean last = false;
    while (!last) {
      List<CompletableFuture<Void>> batch;
      synchronized (this) {
        if (waiting.isEmpty() && !closed) {
          try {
            wait(SYNC_INTERVAL_MILLIS);
          } catch (InterruptedException e) {
            closed = true;
          }
        }
        batch = waiting;
        waiting = new ArrayList<>();
        last = closed;
      }
      try {
        flush();
        batch.forEach(durable -> durable.complete(null));
      } catch (SQLException | RuntimeException e) {
        DatabaseUnavailableException failure =
            new DatabaseUnavailableException("cannot write the embedded database: " + Database.rootMessage(e), e);
        batch.forEach(durable -> durable.completeExceptionally(failure));
      }
    }
  }

  /** Stores every commit so far in the file and syncs it to the device. */
  private void flush() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT SYNC");
    }
  }

  /** Flushes once more for whoever still waits, then stops; later callers fail. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      flusher.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
