package nl.regie.server.cases;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** Asks a case, wherever in the cluster it lives, and waits at most the ask timeout. */
public final class Cases {

  private final ClusterSharding sharding;
  private final Duration askTimeout;

  public Cases(ActorSystem<?> system, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
  }

  public CompletionStage<CaseReply> ask(String caseId, Function<ActorRef<CaseReply>, CaseCommand> command) {
    return sharding.entityRefFor(CaseEntity.KEY, caseId).ask(command::apply, askTimeout);
  }
}
