package nl.regie.persistence;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * When what has been committed is on disk. Regie answers only after its effect is durable: every
 * answer passes {@link #awaitDurable()} first, which completes once everything committed before
 * the call survives a killed process or a power cut.
 */
public interface Durability {

  /** PostgreSQL: a commit returns only when its WAL record is flushed. */
  Durability AT_COMMIT = () -> CompletableFuture.completedFuture(null);

  /**
   * Completes when everything committed before this call is durable; fails with
   * {@link DatabaseUnavailableException} when it cannot be made so.
   */
  CompletionStage<Void> awaitDurable();
}
