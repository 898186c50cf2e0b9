package nl.regie.server.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import nl.regie.server.cases.CaseCommand;
import nl.regie.server.cases.CaseEntity;
import nl.regie.server.cases.CaseReply;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Whether this node can do its work: it is not shutting down (from SIGTERM on it is leaving: its
 * cases move to other nodes), it is an Up member of the cluster, the journal answers a query, and
 * a case entity can be reached through sharding and recover from the journal (a probe entity that
 * never gets a melding, so it persists nothing).
 */
public final class Readiness {

  /** What was checked and what was found. */
  public record Status(boolean ready, boolean clusterUp, boolean journal, boolean sharding, String detail) {}

  private static final String PROBE_ID = "readiness-probe";

  private final ActorSystem<?> system;
  private final Duration timeout;

  public Readiness(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.timeout = timeout;
  }

  public CompletionStage<Status> check() {
    if (CoordinatedShutdown.get(system).getShutdownReason().isPresent()) {
      return CompletableFuture.completedFuture(new Status(false, false, false, false, "shutting down: leaving the cluster"));
    }
    MemberStatus member = Cluster.get(system).selfMember().status();
    if (member != MemberStatus.up()) {
      return CompletableFuture.completedFuture(new Status(false, false, false, false,
          member == MemberStatus.joining() || member == MemberStatus.weaklyUp() ? "not an Up member of the cluster yet" : "leaving the cluster (" + member + ")"));
    }
    CompletableFuture<Boolean> journal = journal().toCompletableFuture();
    CompletableFuture<Boolean> sharding = sharding().toCompletableFuture();
    return journal.thenCombine(sharding, (j, s) -> new Status(j && s, true, j, s,
        j && s ? "ready" : (!j ? "the journal does not answer" : "sharding does not reach the case entities")));
  }

  private CompletionStage<Boolean> journal() {
    JdbcReadJournal readJournal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    return readJournal.currentEventsByPersistenceId(CaseEntity.KEY.name() + "|" + PROBE_ID, 0L, 1L)
        .completionTimeout(timeout)
        .runWith(Sink.ignore(), system)
        .handle((done, failure) -> failure == null);
  }

  private CompletionStage<Boolean> sharding() {
    return ClusterSharding.get(system).entityRefFor(CaseEntity.KEY, PROBE_ID)
        .<CaseReply>ask(CaseCommand.Get::new, timeout)
        .handle((reply, failure) -> failure == null && reply instanceof CaseReply.Rejected);
  }
}
