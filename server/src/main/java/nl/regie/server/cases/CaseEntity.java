package nl.regie.server.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import nl.regie.protocol.aanbieder.Aanbiedersregister;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.cases.Fase;
import nl.regie.server.cases.CaseCommand.AanbiederWisselen;
import nl.regie.server.cases.CaseCommand.AanvraagRegistreren;
import nl.regie.server.cases.CaseCommand.Afwijzen;
import nl.regie.server.cases.CaseCommand.AntwoordRetourOntvangen;
import nl.regie.server.cases.CaseCommand.DeclaratieBeantwoorden;
import nl.regie.server.cases.CaseCommand.Get;
import nl.regie.server.cases.CaseCommand.Intrekken;
import nl.regie.server.cases.CaseCommand.MeldingMaken;
import nl.regie.server.cases.CaseCommand.OnderzoekAfronden;
import nl.regie.server.cases.CaseCommand.Overlijden;
import nl.regie.server.cases.CaseCommand.PrestatieDeclareren;
import nl.regie.server.cases.CaseCommand.ScreeningAfronden;
import nl.regie.server.cases.CaseCommand.ScreeningStarten;
import nl.regie.server.cases.CaseCommand.StapZetten;
import nl.regie.server.cases.CaseCommand.StartMelden;
import nl.regie.server.cases.CaseCommand.StopMelden;
import nl.regie.server.cases.CaseCommand.Toewijzen;
import nl.regie.server.cases.CaseCommand.ToewijzingBevestigen;
import nl.regie.server.cases.CaseCommand.ToewijzingRetourOntvangen;
import nl.regie.server.cases.CaseCommand.ToewijzingVerzoeken;
import nl.regie.server.cases.CaseCommand.ToewijzingWijzigen;
import nl.regie.server.cases.CaseCommand.VerhuizingMelden;
import nl.regie.server.cases.CaseCommand.VerhuizingOverdragen;
import nl.regie.server.cases.CaseCommand.VerzoekBeantwoorden;
import nl.regie.server.cases.CaseCommand.Wake;
import nl.regie.server.cases.CaseCommand.WijzigingVerzoeken;
import nl.regie.server.cases.CaseCommand.ZorgStarten;
import nl.regie.server.cases.CaseCommand.ZorgStoppen;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReplyBuilder;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One cliënt case: a persistent actor that walks {@code melding → screening → onderzoek →
 * toewijzing → zorg → stop} (or ends {@code ingetrokken}/{@code afgewezen}). It checks every
 * command against its fase and content; a refusal persists nothing and says why. Runs under
 * Cluster Sharding, one entity per caseId, on any node.
 */
public final class CaseEntity
    extends EventSourcedBehaviorWithEnforcedReplies<CaseCommand, CaseEvent, CaseState> {

  public static final EntityTypeKey<CaseCommand> KEY = EntityTypeKey.create(CaseCommand.class, "Case");

  private static final String TIMER = "deadline";
  private static final Duration MAX_TIMER = Duration.ofDays(1);

  private final String caseId;
  private final CaseSettings settings;
  private final Regelingen regelingen;
  private final Aanbiedersregister aanbieders;
  private final Clock clock;
  private final TimerScheduler<CaseCommand> timers;
  private final LongConsumer journalWrites;

  /** The persistence id of case {@code caseId}: {@code Case|<caseId>}. */
  public static PersistenceId persistenceIdOf(String caseId) {
    return PersistenceId.of(KEY.name(), caseId);
  }

  /** The caseId in a persistence id of this entity type ({@code Case|<caseId>}). */
  public static String caseIdOf(String persistenceId) {
    String prefix = KEY.name() + "|";
    return persistenceId.startsWith(prefix) ? persistenceId.substring(prefix.length()) : persistenceId;
  }

  /**
   * Starts the sharded entity type on this node; {@code journalWrites} hears how long each write of
   * a command's events took, in nanoseconds.
   */
  public static void init(ActorSystem<?> system, CaseSettings settings, Regelingen regelingen, Aanbiedersregister aanbieders,
      Clock clock, LongConsumer journalWrites) {
    ClusterSharding.get(system)
        .init(Entity.of(KEY, ctx -> Behaviors.withTimers(timers ->
            new CaseEntity(ctx.getEntityId(), settings, regelingen, aanbieders, clock, timers, journalWrites))));
  }

  /** A case that knows no onderaannemers (an empty register). */
  public static Behavior<CaseCommand> create(
      String caseId, CaseSettings settings, Regelingen regelingen, Clock clock) {
    return create(caseId, settings, regelingen, Aanbiedersregister.leeg(), clock);
  }

  public static Behavior<CaseCommand> create(
      String caseId, CaseSettings settings, Regelingen regelingen, Aanbiedersregister aanbieders, Clock clock) {
    return Behaviors.withTimers(timers -> new CaseEntity(caseId, settings, regelingen, aanbieders, clock, timers, nanos -> {}));
  }

  private CaseEntity(String caseId, CaseSettings settings, Regelingen regelingen, Aanbiedersregister aanbieders, Clock clock,
      TimerScheduler<CaseCommand> timers, LongConsumer journalWrites) {
    // No restart on a failed write or recovery: the case stops, and sharding starts a fresh one for
    // the next command. Restarted in place (restartWithBackoff), a case whose write failed while
    // the database was down kept the commands stashed during that write and answered nothing
    // more (DatabaseOutageIT); while the database is away the journal's circuit breaker makes each
    // new start fail fast.
    super(persistenceIdOf(caseId));
    this.caseId = caseId;
    this.settings = settings;
    this.regelingen = regelingen;
    this.aanbieders = aanbieders;
    this.clock = clock;
    this.timers = timers;
    this.journalWrites = journalWrites;
  }

  @Override
  public SignalHandler<CaseState> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::armTimer).build();
  }

  @Override
  public CaseState emptyState() {
    return CaseState.empty(caseId);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public Set<String> tagsFor(CaseEvent event) {
    return Set.of(settings.tagFor(caseId));
  }

  @Override
  public EventHandler<CaseState, CaseEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(CaseState::apply);
  }

  /**
   * Which commands each fase takes, and the decider that rules on each: the whole life of a case
   * on one page. A command a fase does not list is refused as not allowed in that fase.
   */
  @Override
  public CommandHandlerWithReply<CaseCommand, CaseEvent, CaseState> commandHandler() {
    CommandHandlerWithReplyBuilder<CaseCommand, CaseEvent, CaseState> builder = newCommandHandlerWithReplyBuilder();

    builder.forState(CaseState::isNew)
        .onCommand(MeldingMaken.class, decide(Toegang::meldingMaken))
        .onCommand(Wake.class, decide(DeadlineTimeline::wake))
        .onAnyCommand(c -> Effect().reply(c.replyTo(), CaseReply.notFound(caseId)));

    builder.forState(s -> s.is(Fase.MELDING))
        .onCommand(ScreeningStarten.class, decide(Toegang::screeningStarten));

    builder.forState(s -> s.is(Fase.SCREENING))
        .onCommand(ScreeningAfronden.class, decide(Toegang::screeningAfronden))
        .onCommand(Afwijzen.class, decide(Toegang::afwijzen));

    builder.forState(s -> s.is(Fase.ONDERZOEK))
        .onCommand(OnderzoekAfronden.class, decide(Toegang::onderzoekAfronden))
        .onCommand(AanvraagRegistreren.class, decide(Toegang::aanvraagRegistreren))
        .onCommand(Afwijzen.class, decide(Toegang::afwijzen));

    // In STOP only nazorg after an overlijden (Beschikking says which).
    builder.forState(s -> s.is(Fase.ONDERZOEK) || s.is(Fase.TOEWIJZING) || s.is(Fase.ZORG) || s.is(Fase.STOP))
        .onCommand(Toewijzen.class, decide(Beschikking::toewijzen));

    builder.forState(s -> s.is(Fase.TOEWIJZING) || s.is(Fase.ZORG))
        .onCommand(ToewijzingWijzigen.class, decide(Beeindigingen::toewijzingWijzigen))
        .onCommand(AanbiederWisselen.class, decide(Beeindigingen::aanbiederWisselen));

    builder.forState(s -> !s.isNew() && !s.fase().isEinde())
        .onCommand(StapZetten.class, decide(Stappen::stapZetten))
        .onCommand(VerhuizingMelden.class, decide(Verhuizingen::verhuizingMelden))
        .onCommand(VerhuizingOverdragen.class, decide(Verhuizingen::verhuizingOverdragen));

    builder.forState(s -> !s.isNew() && !s.is(Fase.INGETROKKEN) && !s.is(Fase.AFGEWEZEN))
        .onCommand(Overlijden.class, decide(Beeindigingen::overlijden));

    builder.forState(s -> s.is(Fase.TOEWIJZING) || s.is(Fase.ZORG) || s.is(Fase.STOP))
        .onCommand(ToewijzingBevestigen.class, decide(Beschikking::toewijzingBevestigen))
        .onCommand(ZorgStarten.class, decide(Leveringen::zorgStarten))
        .onCommand(ZorgStoppen.class, decide(Leveringen::zorgStoppen));

    // iWmo berichten, in whatever fase they find the case: their rules give the retourcodes.
    builder.forState(s -> !s.isNew())
        .onCommand(ToewijzingRetourOntvangen.class, decide(Beschikking::toewijzingRetour))
        .onCommand(StartMelden.class, decide(Leveringen::startMelden))
        .onCommand(StopMelden.class, decide(Leveringen::stopMelden))
        .onCommand(ToewijzingVerzoeken.class, decide(Verzoeken::toewijzingVerzoeken))
        .onCommand(WijzigingVerzoeken.class, decide(Verzoeken::wijzigingVerzoeken))
        .onCommand(VerzoekBeantwoorden.class, decide(Verzoekantwoorden::verzoekBeantwoorden))
        .onCommand(AntwoordRetourOntvangen.class, decide(Verzoekantwoorden::antwoordRetour))
        .onCommand(PrestatieDeclareren.class, decide(Declaraties::prestatieDeclareren))
        .onCommand(DeclaratieBeantwoorden.class, decide(Declaraties::declaratieBeantwoord));

    builder.forState(s -> !s.isNew() && !s.fase().isEinde())
        .onCommand(Intrekken.class, decide(Toegang::intrekken));

    builder.forAnyState()
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), new CaseReply.Accepted(CaseViews.of(s, regelingen))))
        .onCommand(Wake.class, decide(DeadlineTimeline::wake))
        .onCommand(MeldingMaken.class, (s, c) -> Effect().reply(c.replyTo(), CaseReply.conflict("case " + caseId + " exists already")))
        .onCommand(Intrekken.class, decide(Toegang::intrekken))
        .onAnyCommand((s, c) -> Effect().reply(c.replyTo(), CaseReply.conflict(c.action() + " is not allowed in fase " + s.fase())));

    CommandHandlerWithReply<CaseCommand, CaseEvent, CaseState> table = builder.build();
    CommandHandlerWithReplyBuilder<CaseCommand, CaseEvent, CaseState> withAccess = newCommandHandlerWithReplyBuilder();
    withAccess.forAnyState()
        .onCommand(CaseCommand.Authorized.class, (s, c) -> authorized(s, c, table))
        .onAnyCommand(table::apply);
    return withAccess.build();
  }

  /** A command on a principal's behalf: a case it may not see does not exist for it. */
  private ReplyEffect<CaseEvent, CaseState> authorized(
      CaseState state, CaseCommand.Authorized c, CommandHandlerWithReply<CaseCommand, CaseEvent, CaseState> table) {
    if (!CaseAccess.sees(c.principal(), state)) return Effect().reply(c.replyTo(), CaseReply.notFound(caseId));
    if (!CaseAccess.may(c.principal(), state, c.command())) {
      return Effect().reply(c.replyTo(), CaseReply.forbidden(c.action() + " is not for " + c.principal().sub() + " on this case"));
    }
    return table.apply(state, c.command());
  }

  /** Runs {@code decider} and carries out its decision: persist, re-arm the deadline timer, reply. */
  private <C extends CaseCommand> BiFunction<CaseState, C, ReplyEffect<CaseEvent, CaseState>> decide(Decider<C> decider) {
    return (state, command) -> {
      Decision decision = decider.decide(state, command, new DecisionContext(clock.instant(), settings.zone(), regelingen, aanbieders));
      EffectBuilder<CaseEvent, CaseState> effect;
      if (decision.events().isEmpty()) {
        effect = Effect().none();
      } else {
        // A duration, not a moment: the monotonic clock, not the injected one.
        long writing = System.nanoTime();
        // One journal row for the whole decision (BENCHMARKS.md, "What a closed case costs").
        CaseEvent row = new CaseEvent.Grouped(state.version() + 1, decision.events(), decision.events().get(0).at());
        effect = Effect().persist(row).thenRun(after -> journalWrites.accept(System.nanoTime() - writing));
      }
      effect = effect.thenRun(this::armTimer);
      // The case's own timer wakes it without a reply-to.
      return command.replyTo() == null ? effect.thenNoReply() : effect.thenReply(command.replyTo(), after -> decision.reply());
    };
  }

  /**
   * One timer for the case's next deadline moment. It is only a shortcut for a case that is in
   * memory: it dies with passivation, so the durable deadline index wakes the others. A long wait
   * is cut into days, so that a clock adjustment is noticed.
   */
  private void armTimer(CaseState state) {
    Optional<Instant> next = state.nextDeadlineMoment();
    if (next.isEmpty()) {
      timers.cancel(TIMER);
      return;
    }
    Duration delay = Duration.between(now(), next.get());
    if (delay.isNegative()) delay = Duration.ZERO;
    if (delay.compareTo(MAX_TIMER) > 0) delay = MAX_TIMER;
    timers.startSingleTimer(TIMER, new Wake(null), delay);
  }

  private Instant now() {
    return clock.instant();
  }
}
