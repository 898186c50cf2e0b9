package nl.regie.server.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import nl.regie.persistence.JsonSerializable;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * Keeps this node's {@link VirtualClock} in step with the cluster's. One per node, registered with
 * the receptionist: a move made through any node is told to every node's ClockSync, and the move's
 * answer waits until they have all taken it on (or {@link #SPREAD_TIMEOUT} passed), so that after
 * {@code POST /admin/v1/clock} every node's cases and scheduler work at the new time. A node that
 * was not told (it joined meanwhile, or did not answer in time) reads the saved time every
 * refresh interval, so it is behind for at most that long. A node that is up in the cluster but not
 * yet known here (the receptionist spreads registrations a moment after a node joins) is waited
 * for, up to {@link #SPREAD_TIMEOUT}, before the move is told.
 *
 * <p>Why not Distributed Data: its replicas notify subscribers on an interval of their own, and a
 * move's answer should mean that every node has the time. Why not a singleton holding the time:
 * every case reads the clock on every command, which must stay a memory read on its own node.
 */
public final class ClockSync {

  public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "virtual-clock");

  /** How long a move waits for the other nodes; a slower one catches up at its next refresh. */
  static final Duration SPREAD_TIMEOUT = Duration.ofSeconds(2);

  public sealed interface Command {}

  /** Another node moved the cluster's clock to {@code now}; answered once this node has it. */
  public record Moved(Instant now, ActorRef<Done> replyTo) implements Command, JsonSerializable {}

  /** This node moved the clock: tell every node, answer when they all have it. */
  record Spread(Instant now, ActorRef<Done> replyTo) implements Command {}

  private record Nodes(Receptionist.Listing listing) implements Command {}

  /** Tell the moves that wait for nodes not yet known, without them. */
  private enum SpreadNow implements Command {
    INSTANCE
  }

  private enum Refresh implements Command {
    INSTANCE
  }

  private record Refreshed(Throwable failure) implements Command {}

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final VirtualClock clock;
  private final Executor blocking;
  private Set<ActorRef<Command>> nodes = Set.of();
  /** Moves waiting until every node up in the cluster is known here. */
  private final List<Spread> waiting = new ArrayList<>();
  private boolean refreshing;
  private boolean failing;

  /** Starts this node's ClockSync, reading the saved time every {@code refreshInterval}. */
  public static ActorRef<Command> start(ActorSystem<?> system, VirtualClock clock, Duration refreshInterval, Executor blocking) {
    Behavior<Command> behavior = Behaviors.supervise(create(clock, refreshInterval, blocking)).onFailure(SupervisorStrategy.restart());
    return system.systemActorOf(behavior, "clock-sync", Props.empty());
  }

  private static Behavior<Command> create(VirtualClock clock, Duration refreshInterval, Executor blocking) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
      ActorRef<Receptionist.Listing> listings = context.messageAdapter(Receptionist.Listing.class, Nodes::new);
      context.getSystem().receptionist().tell(Receptionist.subscribe(KEY, listings));
      timers.startTimerWithFixedDelay(Refresh.INSTANCE, refreshInterval);
      return new ClockSync(context, timers, clock, blocking).behavior();
    }));
  }

  /** Tells every node that this one moved the clock to {@code now}; completes when they have it or gave up waiting. */
  public static CompletionStage<Instant> spread(ActorRef<Command> sync, Instant now, ActorSystem<?> system) {
    return AskPattern.<Command, Done>ask(sync, replyTo -> new Spread(now, replyTo),
            // Waiting for nodes not yet known, then for their answers.
            SPREAD_TIMEOUT.multipliedBy(2).plusSeconds(1), system.scheduler())
        .handle((done, failure) -> now);
  }

  private ClockSync(ActorContext<Command> context, TimerScheduler<Command> timers, VirtualClock clock, Executor blocking) {
    this.context = context;
    this.timers = timers;
    this.clock = clock;
    this.blocking = blocking;
  }

  private Behavior<Command> behavior() {
    return Behaviors.receive(Command.class)
        .onMessage(Moved.class, this::onMoved)
        .onMessage(Spread.class, this::onSpread)
        .onMessage(Nodes.class, this::onNodes)
        .onMessageEquals(SpreadNow.INSTANCE, this::onSpreadNow)
        .onMessageEquals(Refresh.INSTANCE, this::onRefresh)
        .onMessage(Refreshed.class, this::onRefreshed)
        .build();
  }

  private Behavior<Command> onMoved(Moved moved) {
    clock.catchUp(moved.now());
    moved.replyTo().tell(Done.getInstance());
    return Behaviors.same();
  }

  private Behavior<Command> onSpread(Spread spread) {
    if (knowsEveryNode()) {
      tell(spread);
    } else {
      waiting.add(spread);
      if (!timers.isTimerActive(SpreadNow.INSTANCE)) timers.startSingleTimer(SpreadNow.INSTANCE, SPREAD_TIMEOUT);
    }
    return Behaviors.same();
  }

  private Behavior<Command> onSpreadNow() {
    tellWaiting();
    return Behaviors.same();
  }

  private void tellWaiting() {
    timers.cancel(SpreadNow.INSTANCE);
    waiting.forEach(this::tell);
    waiting.clear();
  }

  /** Whether a clock-sync is known here for each node that is up in the cluster. */
  private boolean knowsEveryNode() {
    int up = 0;
    for (Member member : Cluster.get(context.getSystem()).state().getMembers()) {
      if (member.status() == MemberStatus.up() || member.status() == MemberStatus.weaklyUp()) up++;
    }
    return nodes.size() >= up;
  }

  private void tell(Spread spread) {
    List<CompletableFuture<Done>> told = nodes.stream()
        .filter(node -> !node.equals(context.getSelf()))
        .map(node -> AskPattern.<Command, Done>ask(node, replyTo -> new Moved(spread.now(), replyTo), SPREAD_TIMEOUT,
                context.getSystem().scheduler())
            .toCompletableFuture()
            // A node that does not answer reads the time from the database at its next refresh.
            .exceptionally(slow -> Done.getInstance()))
        .toList();
    CompletableFuture.allOf(told.toArray(CompletableFuture[]::new))
        .whenComplete((done, failure) -> spread.replyTo().tell(Done.getInstance()));
  }

  private Behavior<Command> onNodes(Nodes nodes) {
    this.nodes = nodes.listing().getServiceInstances(KEY);
    if (!waiting.isEmpty() && knowsEveryNode()) tellWaiting();
    return Behaviors.same();
  }

  private Behavior<Command> onRefresh() {
    if (refreshing) return Behaviors.same();
    refreshing = true;
    context.pipeToSelf(CompletableFuture.runAsync(clock::refresh, blocking), (done, failure) -> new Refreshed(failure));
    return Behaviors.same();
  }

  private Behavior<Command> onRefreshed(Refreshed refreshed) {
    refreshing = false;
    if (refreshed.failure() != null && !failing) {
      context.getLog().warn("cannot read the virtual clock's saved time, trying again: {}", refreshed.failure().getMessage());
    }
    failing = refreshed.failure() != null;
    return Behaviors.same();
  }
}
