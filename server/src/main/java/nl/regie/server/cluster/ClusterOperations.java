package nl.regie.server.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.management.javadsl.PekkoManagement;

/**
 * What an operator of a cluster needs beyond Regie's own API: Pekko Management's read-only
 * endpoints (cluster members, shards), and a pause at the start of a shutdown in which the node
 * still answers but {@code /health/ready} says 503, so that a load balancer stops sending it work
 * before it unbinds and hands its shards over.
 */
public final class ClusterOperations {

  private ClusterOperations() {}

  /**
   * Starts Pekko Management's HTTP endpoints on {@code pekko.management.http.hostname} and
   * {@code .port}. A port that cannot be bound is logged: the node works without them.
   */
  public static void startManagement(ActorSystem<?> system) {
    PekkoManagement.get(system).start().whenComplete((uri, failure) -> {
      if (failure != null) {
        system.log().warn("Pekko Management did not start (no /cluster/members for operators): {}", failure.getMessage());
      } else {
        system.log().info("Pekko Management (cluster members, shards) on {}", uri);
      }
    });
  }

  /**
   * Waits {@code drain} at the start of a shutdown, while readiness already says 503. Not when the
   * cluster downed this node: its cases are about to start on other nodes, so it must stop at once.
   */
  public static void drainOnShutdown(ActorSystem<?> system, Duration drain) {
    if (drain.isZero() || drain.isNegative()) return;
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    shutdown.addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "regie-drain", () -> {
      if (shutdown.getShutdownReason().filter(CoordinatedShutdown.clusterDowningReason()::equals).isPresent()) {
        return CompletableFuture.completedFuture(Done.getInstance());
      }
      system.log().info("shutting down: /health/ready says 503 for {} before this node stops taking requests", drain);
      return CompletableFuture.supplyAsync(Done::getInstance, CompletableFuture.delayedExecutor(drain.toMillis(), TimeUnit.MILLISECONDS));
    });
  }
}
