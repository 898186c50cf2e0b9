package nl.regie.server.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A stage of Pekko's Java API made plain. Pekko hands back Scala futures converted to Java
 * ({@code FutureConverters}), whose {@code thenApply}, {@code thenCompose} and {@code whenComplete}
 * run every callback asynchronously on the default pool; with fewer than three cores that pool is
 * a new thread per callback (CompletableFuture's rule), which cost Regie 22,000 threads for 2,000
 * cases (BENCHMARKS.md). The plain stage completes on the thread that completed the ask, and
 * what is chained on it runs there too, as it does for every other stage in Regie.
 */
public final class PlainStage {

  private PlainStage() {}

  public static <T> CompletionStage<T> of(CompletionStage<T> pekko) {
    CompletableFuture<T> plain = new CompletableFuture<>();
    // With an executor of its own the converted stage does not go to the default pool.
    pekko.whenCompleteAsync((value, failure) -> {
      if (failure != null) plain.completeExceptionally(failure);
      else plain.complete(value);
    }, Runnable::run);
    return plain;
  }
}
