package nl.regie.server.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import nl.regie.persistence.DeadlineIndex;
import nl.regie.persistence.DeadlineIndex.Due;
import nl.regie.persistence.JsonSerializable;
import nl.regie.server.cases.CaseCommand;
import nl.regie.server.cases.CaseReply;
import nl.regie.server.cases.CaseService;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Wakes the cases whose deadline moments have come, from the durable index, so that a deadline
 * fires also when its case is passivated, its node restarted or lost. One per cluster (Cluster
 * Singleton). It sweeps the index in (moment, case) order in batches, wakes each case at a bounded
 * pace and parallelism, and waits for each case's answer: the case itself decides what is due and
 * raises each alert once, so waking a case twice is harmless. It also wakes, once, the cases whose
 * moment comes within the look-ahead ({@link WakeSelection}): a deadline moment is midnight, so
 * many fall due together, and a case already in memory raises its alert without a recovery.
 */
public final class DeadlineScheduler {

  public sealed interface Command {}

  /** Look in the index now (sent by every node whose clock moves, so it crosses nodes). */
  public enum Poll implements Command, JsonSerializable {
    INSTANCE
  }

  private record Found(List<Due> due, Throwable failure) implements Command {}

  /** {@code checkedEarly}: cases whose node had not yet seen the time they were woken for. */
  private record BatchDone(int woken, int alerts, boolean full, List<String> checkedEarly) implements Command {}

  private static final Object TICK = "tick";

  private final ActorContext<Command> context;
  private final DeadlineIndex index;
  private final CaseService cases;
  private final Clock clock;
  private final SchedulerSettings settings;
  private final Executor blocking;
  /**
   * Where the callbacks on the cases' answers run: the actor's own dispatcher. Without an executor,
   * a callback on a Pekko future goes to the JDK's default executor, and on a machine with two
   * cores that is a new thread per callback: one per woken case.
   */
  private final Executor callbacks;
  private final WakeSelection selection;
  private Optional<Due> sweepPosition = Optional.empty();
  private Instant sweepNow;
  private boolean busy;
  private boolean pollAgain;

  /** Starts the singleton (or a proxy to it on other nodes). */
  public static ActorRef<Command> init(
      ActorSystem<?> system, DeadlineIndex index, CaseService cases, Clock clock, SchedulerSettings settings, Executor blocking) {
    Behavior<Command> behavior = Behaviors.supervise(create(index, cases, clock, settings, blocking))
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
    return ClusterSingleton.get(system).init(SingletonActor.of(behavior, "deadline-scheduler"));
  }

  static Behavior<Command> create(DeadlineIndex index, CaseService cases, Clock clock, SchedulerSettings settings, Executor blocking) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(TICK, Poll.INSTANCE, settings.pollInterval());
      context.getSelf().tell(Poll.INSTANCE);
      return new DeadlineScheduler(context, index, cases, clock, settings, blocking).behavior();
    }));
  }

  private DeadlineScheduler(
      ActorContext<Command> context, DeadlineIndex index, CaseService cases, Clock clock, SchedulerSettings settings, Executor blocking) {
    this.context = context;
    this.index = index;
    this.cases = cases;
    this.clock = clock;
    this.settings = settings;
    this.blocking = blocking;
    this.callbacks = context.getExecutionContext();
    this.selection = new WakeSelection(settings.rewakeAfter(), settings.lookAhead());
  }

  private Behavior<Command> behavior() {
    return Behaviors.receive(Command.class)
        .onMessageEquals(Poll.INSTANCE, this::onPoll)
        .onMessage(Found.class, this::onFound)
        .onMessage(BatchDone.class, this::onBatchDone)
        .build();
  }

  private Behavior<Command> onPoll() {
    if (busy) {
      pollAgain = true;
      return Behaviors.same();
    }
    busy = true;
    // One sweep (its batches) keeps the time it started with, so that its positions stay in order.
    if (sweepPosition.isEmpty()) sweepNow = clock.instant();
    Instant horizon = sweepNow.plus(settings.lookAhead());
    Optional<Due> after = sweepPosition;
    context.pipeToSelf(
        CompletableFuture.supplyAsync(() -> index.due(horizon, after, settings.batchSize()), blocking),
        (due, failure) -> new Found(due, failure));
    return Behaviors.same();
  }

  private Behavior<Command> onFound(Found found) {
    if (found.failure() != null) {
      context.getLog().warn("cannot read the deadline index, trying again at the next poll: {}", found.failure().getMessage());
      busy = false;
      sweepPosition = Optional.empty();
      return Behaviors.same();
    }
    List<Due> due = found.due();
    boolean full = due.size() == settings.batchSize();
    sweepPosition = full ? Optional.of(due.get(due.size() - 1)) : Optional.empty();
    Instant now = clock.instant();
    List<String> toWake = selection.select(due, now, System.nanoTime());
    // The virtual clock reaches the other nodes a moment after this one: a case that checked at an
    // earlier time than this is woken again at the next poll instead of after rewake-after.
    Queue<String> checkedEarly = new ConcurrentLinkedQueue<>();
    Source.from(toWake)
        .throttle(settings.maxWakesPerSecond(), Duration.ofSeconds(1))
        .mapAsyncUnordered(settings.parallelism(), caseId -> cases.ask(caseId, CaseCommand.Wake::new)
            .handleAsync((reply, failure) -> {
              if (failure != null || !(reply instanceof CaseReply.Checked checked)) return 0;
              if (checked.checkedAt().isBefore(now)) checkedEarly.add(caseId);
              return checked.alertsRaised();
            }, callbacks))
        .runWith(Sink.fold(0, Integer::sum), context.getSystem())
        .whenCompleteAsync((alerts, failure) -> context.getSelf().tell(
                new BatchDone(toWake.size(), alerts == null ? 0 : alerts, full, List.copyOf(checkedEarly))),
            callbacks);
    return Behaviors.same();
  }

  private Behavior<Command> onBatchDone(BatchDone done) {
    busy = false;
    if (!done.checkedEarly().isEmpty()) {
      // Not at once: the next tick, by when their node has caught up.
      selection.forget(done.checkedEarly());
    }
    if (done.woken() > 0) {
      context.getLog().debug("woke {} cases, {} alerts raised", done.woken(), done.alerts());
    }
    if (done.full() || pollAgain) {
      pollAgain = false;
      context.getSelf().tell(Poll.INSTANCE);
    }
    return Behaviors.same();
  }
}
