package nl.regie.server.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bouw.OngeldigBerichtException;
import nl.regie.protocol.regeling.Product;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.zaak.Fase;
import nl.regie.protocol.zaak.ToewijzingStatus;
import nl.regie.server.cases.CaseCommand.Afwijzen;
import nl.regie.server.cases.CaseCommand.AanvraagRegistreren;
import nl.regie.server.cases.CaseCommand.DeclaratieBeantwoorden;
import nl.regie.server.cases.CaseCommand.Get;
import nl.regie.server.cases.CaseCommand.Intrekken;
import nl.regie.server.cases.CaseCommand.MeldingMaken;
import nl.regie.server.cases.CaseCommand.OnderzoekAfronden;
import nl.regie.server.cases.CaseCommand.PrestatieDeclareren;
import nl.regie.server.cases.CaseCommand.ScreeningAfronden;
import nl.regie.server.cases.CaseCommand.ScreeningStarten;
import nl.regie.server.cases.CaseCommand.StartMelden;
import nl.regie.server.cases.CaseCommand.StopMelden;
import nl.regie.server.cases.CaseCommand.ToewijzingRetourOntvangen;
import nl.regie.server.cases.CaseCommand.ToewijzingBevestigen;
import nl.regie.server.cases.CaseCommand.Wake;
import nl.regie.server.cases.CaseCommand.Toewijzen;
import nl.regie.server.cases.CaseCommand.ZorgStarten;
import nl.regie.server.cases.CaseCommand.ZorgStoppen;
import nl.regie.server.cases.CaseEvent.Overgedragen;
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
  private final Clock clock;
  private final TimerScheduler<CaseCommand> timers;

  /** The caseId in a persistence id of this entity type ({@code Case|<caseId>}). */
  public static String caseIdOf(String persistenceId) {
    String prefix = KEY.name() + "|";
    return persistenceId.startsWith(prefix) ? persistenceId.substring(prefix.length()) : persistenceId;
  }

  /** Starts the sharded entity type on this node. */
  public static void init(ActorSystem<?> system, CaseSettings settings, Regelingen regelingen, Clock clock) {
    ClusterSharding.get(system)
        .init(Entity.of(KEY, ctx -> create(ctx.getEntityId(), settings, regelingen, clock)));
  }

  public static Behavior<CaseCommand> create(
      String caseId, CaseSettings settings, Regelingen regelingen, Clock clock) {
    return Behaviors.withTimers(timers -> new CaseEntity(caseId, settings, regelingen, clock, timers));
  }

  private CaseEntity(
      String caseId, CaseSettings settings, Regelingen regelingen, Clock clock, TimerScheduler<CaseCommand> timers) {
    // No restart on a failed write or recovery: the case stops, and sharding starts a fresh one for
    // the next command. Restarted in place (restartWithBackoff), a case whose write failed while
    // the database was down kept the commands stashed during that write and answered nothing
    // more (DatabaseOutageIT); while the database is away the journal's circuit breaker makes each
    // new start fail fast.
    super(PersistenceId.of(KEY.name(), caseId));
    this.caseId = caseId;
    this.settings = settings;
    this.regelingen = regelingen;
    this.clock = clock;
    this.timers = timers;
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

  @Override
  public CommandHandlerWithReply<CaseCommand, CaseEvent, CaseState> commandHandler() {
    CommandHandlerWithReplyBuilder<CaseCommand, CaseEvent, CaseState> builder = newCommandHandlerWithReplyBuilder();

    builder.forState(CaseState::isNew)
        .onCommand(MeldingMaken.class, this::onMeldingMaken)
        .onCommand(Wake.class, this::onWake)
        .onAnyCommand(c -> Effect().reply(c.replyTo(), CaseReply.notFound(caseId)));

    builder.forState(s -> s.is(Fase.MELDING))
        .onCommand(ScreeningStarten.class, (s, c) -> persist(s, new CaseEvent.ScreeningGestart(now()), c));

    builder.forState(s -> s.is(Fase.SCREENING))
        .onCommand(ScreeningAfronden.class, this::onScreeningAfronden)
        .onCommand(Afwijzen.class, (s, c) -> persist(s, new CaseEvent.Afgewezen(c.reden(), now()), c));

    builder.forState(s -> s.is(Fase.ONDERZOEK))
        .onCommand(OnderzoekAfronden.class, this::onOnderzoekAfronden)
        .onCommand(AanvraagRegistreren.class, this::onAanvraagRegistreren)
        .onCommand(Afwijzen.class, (s, c) -> persist(s, new CaseEvent.Afgewezen(c.reden(), now()), c));

    builder.forState(s -> s.is(Fase.ONDERZOEK) || s.is(Fase.TOEWIJZING) || s.is(Fase.ZORG))
        .onCommand(Toewijzen.class, this::onToewijzen);

    builder.forState(s -> s.is(Fase.TOEWIJZING) || s.is(Fase.ZORG))
        .onCommand(ZorgStarten.class, this::onZorgStarten)
        .onCommand(ToewijzingBevestigen.class, this::onToewijzingBevestigen);

    builder.forState(s -> s.is(Fase.ZORG))
        .onCommand(ZorgStoppen.class, this::onZorgStoppen);

    builder.forState(s -> !s.isNew())
        .onCommand(StartMelden.class, this::onStartMelden)
        .onCommand(StopMelden.class, this::onStopMelden)
        .onCommand(ToewijzingRetourOntvangen.class, this::onToewijzingRetour)
        .onCommand(CaseCommand.ToewijzingVerzoeken.class, this::onToewijzingVerzoeken)
        .onCommand(CaseCommand.WijzigingVerzoeken.class, this::onWijzigingVerzoeken)
        .onCommand(CaseCommand.VerzoekBeantwoorden.class, this::onVerzoekBeantwoorden)
        .onCommand(CaseCommand.AntwoordRetourOntvangen.class, this::onAntwoordRetour)
        .onCommand(PrestatieDeclareren.class, this::onPrestatieDeclareren)
        .onCommand(DeclaratieBeantwoorden.class, this::onDeclaratieBeantwoorden);

    builder.forState(s -> !s.isNew() && !s.aanvraagOntvangen() && !s.fase().isEinde())
        .onCommand(Intrekken.class, (s, c) -> persist(s, new CaseEvent.Ingetrokken(c.reden(), now()), c));

    builder.forAnyState()
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), accepted(s)))
        .onCommand(Wake.class, this::onWake)
        .onCommand(MeldingMaken.class, (s, c) -> Effect().reply(c.replyTo(), CaseReply.conflict("case " + caseId + " exists already")))
        .onCommand(Intrekken.class, this::refuseIntrekken)
        .onAnyCommand((s, c) -> Effect().reply(c.replyTo(), CaseReply.conflict(notAllowed(s, c))));

    return builder.build();
  }

  private ReplyEffect<CaseEvent, CaseState> onMeldingMaken(CaseState state, MeldingMaken c) {
    if (regelingen.find(c.regeling()).isEmpty()) {
      return reject(c, List.of("regeling: unknown; known are " + knownRegelingen()));
    }
    return persist(
        state,
        new CaseEvent.MeldingOntvangen(caseId, c.bsn(), c.gemeente(), c.regeling(), c.kanaal(), c.meldingOp(), c.client(), now()),
        c);
  }

  private ReplyEffect<CaseEvent, CaseState> onScreeningAfronden(CaseState state, ScreeningAfronden c) {
    Instant at = now();
    List<CaseEvent> events = new ArrayList<>();
    events.add(new CaseEvent.ScreeningAfgerond(c.eersteOpvangNodig(), c.gemeenteVanHerkomst(), at));
    if (!c.gemeenteVanHerkomst().equals(state.gemeente())) {
      events.add(new Overgedragen(state.gemeente(), c.gemeenteVanHerkomst(), at));
    }
    return persistAll(state, events, c);
  }

  private ReplyEffect<CaseEvent, CaseState> onOnderzoekAfronden(CaseState state, OnderzoekAfronden c) {
    if (state.voortgang().verslagVerstuurdOp() != null) {
      return conflict(c, "the onderzoeksverslag was sent already on " + state.voortgang().verslagVerstuurdOp());
    }
    if (c.verslagVerstuurdOp().isBefore(state.melding().meldingOp())) {
      return reject(c, List.of("verslagVerstuurdOp: must not be before the melding (" + state.melding().meldingOp() + ")"));
    }
    return persist(state, new CaseEvent.OnderzoekAfgerond(c.verslagVerstuurdOp(), now()), c);
  }

  private ReplyEffect<CaseEvent, CaseState> onAanvraagRegistreren(CaseState state, AanvraagRegistreren c) {
    LocalDate verslag = state.voortgang().verslagVerstuurdOp();
    if (verslag == null) return conflict(c, "the onderzoeksverslag has not been sent yet (onderzoek-afronden)");
    if (state.aanvraagOntvangen()) return conflict(c, "the aanvraag was received already on " + state.voortgang().aanvraagOp());
    if (c.ondertekendOp().isBefore(verslag)) {
      return reject(c, List.of("ondertekendOp: must not be before the verslag was sent (" + verslag + ")"));
    }
    return persist(state, new CaseEvent.AanvraagOntvangen(c.ondertekendOp(), now()), c);
  }

  private ReplyEffect<CaseEvent, CaseState> onToewijzen(CaseState state, Toewijzen c) {
    if (!state.aanvraagOntvangen()) return conflict(c, "no aanvraag yet: a beschikking needs the signed verslag (aanvraag-ontvangen)");
    Regeling regeling = regelingen.find(state.melding().regeling()).orElseThrow();
    List<String> errors = new ArrayList<>();
    if (c.beschiktOp().isBefore(state.voortgang().aanvraagOp())) {
      errors.add("beschiktOp: must not be before the aanvraag (" + state.voortgang().aanvraagOp() + ")");
    }
    List<Product> products = new ArrayList<>();
    for (Toewijzing active : state.actieveToewijzingen()) regeling.product(active.product()).ifPresent(products::add);
    for (int i = 0; i < c.regels().size(); i++) {
      Toewijzen.Regel regel = c.regels().get(i);
      Optional<Product> product = regeling.product(regel.product());
      if (product.isEmpty()) {
        errors.add("toewijzingen[" + i + "].product: " + regel.product() + " is not a product of regeling " + regeling.id());
      } else if (!product.get().geldigOp(regel.ingangsdatum())) {
        errors.add("toewijzingen[" + i + "].product: " + regel.product() + " may not start after " + product.get().geldigTot());
      } else {
        products.add(product.get());
      }
    }
    regeling.stapelconflict(products).ifPresent(conflict -> errors.add("toewijzingen: " + conflict));
    Instant now = now();
    Verzoekantwoorden.Honorering honorering = Verzoekantwoorden.honorering(state, c, now);
    errors.addAll(honorering.fouten());
    if (!errors.isEmpty()) return reject(c, errors);
    List<Toewijzing> toewijzingen = c.regels().stream()
        .map(r -> Toewijzing.toegewezen(r.nummer(), r.product(), r.aanbieder(), r.ingangsdatum(), r.einddatum(), r.omvang()))
        .toList();
    List<CaseEvent> events = new ArrayList<>();
    events.add(new CaseEvent.Toegewezen(c.beschiktOp(), toewijzingen, now));
    events.addAll(honorering.gehonoreerd());
    CaseState after = state;
    for (CaseEvent e : events) after = after.apply(e);
    for (var wmo301 : c.identificaties().entrySet()) {
      try {
        ToewijzingBerichten.Uitkomst uitkomst = ToewijzingBerichten.wmo301(after, wmo301.getKey(), wmo301.getValue(),
            Verzoekantwoorden.referenties(after, honorering.gehonoreerd(), wmo301.getKey()), now, settings.zone());
        events.add(uitkomst instanceof ToewijzingBerichten.Geschreven g
            ? new CaseEvent.BerichtVerstuurd("WMO301", wmo301.getValue(), after.gemeente(), wmo301.getKey(), g.xml(), now)
            : new CaseEvent.BerichtNietVerstuurd("WMO301", wmo301.getKey(), ((ToewijzingBerichten.NietMogelijk) uitkomst).reden(), now));
      } catch (OngeldigBerichtException e) {
        return reject(c, e.bevindingen().stream().map(b -> "toewijzingen: iWmo " + b.regel() + ": " + b.melding()).toList());
      }
    }
    return persistAll(state, events, c);
  }

  private ReplyEffect<CaseEvent, CaseState> onZorgStarten(CaseState state, ZorgStarten c) {
    Optional<Toewijzing> found = state.toewijzing(c.toewijzingNummer());
    if (found.isEmpty()) return reject(c, List.of("toewijzingNummer: " + c.toewijzingNummer() + " is not a toewijzing of this case"));
    Toewijzing t = found.get();
    if (t.status() == ToewijzingStatus.GESTART) {
      return conflict(c, "care under toewijzing " + t.nummer() + " started already on " + t.begindatum() + " and has not stopped");
    }
    if (t.status() == ToewijzingStatus.GESTOPT) return conflict(c, "toewijzing " + t.nummer() + " has stopped for good");
    if (!t.covers(c.begindatum())) {
      return reject(c, List.of("begindatum: " + c.begindatum() + " is outside the toewijzing (" + period(t) + ")"));
    }
    if (t.stopdatum() != null && c.begindatum().isBefore(t.stopdatum())) {
      return reject(c, List.of("begindatum: must not be before the interruption began (" + t.stopdatum() + ")"));
    }
    return persist(state, new CaseEvent.ZorgGestart(t.nummer(), c.begindatum(), null, now()), c);
  }

  private ReplyEffect<CaseEvent, CaseState> onToewijzingBevestigen(CaseState state, ToewijzingBevestigen c) {
    boolean known = state.toewijzingen().stream().anyMatch(t -> t.aanbieder().equals(c.aanbieder()));
    if (!known) return reject(c, List.of("aanbieder: " + c.aanbieder() + " has no toewijzing in this case"));
    return persist(state, new CaseEvent.ToewijzingBevestigd(c.aanbieder(), null, now()), c);
  }

  private ReplyEffect<CaseEvent, CaseState> onZorgStoppen(CaseState state, ZorgStoppen c) {
    Optional<Toewijzing> found = state.toewijzing(c.toewijzingNummer());
    if (found.isEmpty()) return reject(c, List.of("toewijzingNummer: " + c.toewijzingNummer() + " is not a toewijzing of this case"));
    Toewijzing t = found.get();
    switch (t.status()) {
      case TOEGEWEZEN:
        return conflict(c, "care under toewijzing " + t.nummer() + " has not started");
      case GESTOPT:
        return conflict(c, "toewijzing " + t.nummer() + " has stopped already on " + t.stopdatum());
      case ONDERBROKEN:
        if (c.reden().isTijdelijk()) {
          return conflict(c, "toewijzing " + t.nummer() + " is interrupted already: only a new start or a definitive stop may follow");
        }
        break;
      case GESTART:
        break;
    }
    if (c.einddatum().isBefore(t.begindatum())) {
      return reject(c, List.of("einddatum: must not be before the begindatum (" + t.begindatum() + ")"));
    }
    return persist(state, new CaseEvent.ZorgGestopt(t.nummer(), c.einddatum(), c.reden(), null, now()), c);
  }

  private ReplyEffect<CaseEvent, CaseState> refuseIntrekken(CaseState state, Intrekken c) {
    if (state.fase().isEinde()) return conflict(c, notAllowed(state, c));
    return conflict(c, "the aanvraag was received on " + state.voortgang().aanvraagOp()
        + ": the case can no longer be withdrawn; end its toewijzingen instead");
  }

  private ReplyEffect<CaseEvent, CaseState> persist(CaseState state, CaseEvent event, CaseCommand command) {
    return persistAll(state, List.of(event), command);
  }

  /**
   * Persists {@code business} together with the deadline events they cause (met, voided, set,
   * and any alert already due), in one atomic write, then re-arms the deadline timer and replies.
   */
  private ReplyEffect<CaseEvent, CaseState> persistAll(CaseState state, List<CaseEvent> business, CaseCommand command) {
    return persistAll(state, business, command, CaseEntity::accepted);
  }

  private ReplyEffect<CaseEvent, CaseState> persistAll(
      CaseState state, List<CaseEvent> business, CaseCommand command, Function<CaseState, CaseReply> reply) {
    Instant now = now();
    LocalDate today = LocalDate.ofInstant(now, settings.zone());
    List<CaseEvent> events = new ArrayList<>(business);
    List<Occurrence> occurrences = new ArrayList<>();
    CaseState after = state;
    for (CaseEvent event : business) {
      CaseState before = after;
      after = after.apply(event);
      occurrences.addAll(CaseOccurrences.of(event, before, after, today));
    }
    Optional<Regeling> regeling = regelingen.find(after.melding().regeling());
    if (regeling.isPresent()) {
      List<CaseEvent> deadlineEvents = new DeadlinePlanner(regeling.get(), settings.zone()).follow(after, occurrences, now);
      for (CaseEvent e : deadlineEvents) after = after.apply(e);
      events.addAll(deadlineEvents);
      events.addAll(DeadlineTimeline.due(after, now));
    }
    return Effect().persist(events).thenRun(this::armTimer).thenReply(command.replyTo(), reply::apply);
  }

  private ReplyEffect<CaseEvent, CaseState> onStartMelden(CaseState state, StartMelden c) {
    return beoordeel(state, c, c.berichtRef(), c.berichtId(), "WMO305", () -> Leveringsberichten.start(state, c, now()));
  }

  private ReplyEffect<CaseEvent, CaseState> onStopMelden(CaseState state, StopMelden c) {
    return beoordeel(state, c, c.berichtRef(), c.berichtId(), "WMO307", () -> Leveringsberichten.stop(state, c, now()));
  }

  private ReplyEffect<CaseEvent, CaseState> onToewijzingRetour(CaseState state, ToewijzingRetourOntvangen c) {
    // The 302 is the aanbieder's answer, whatever it found: it meets the wait for it (D8). Its own
    // retourcodes are the aanbieder's findings on the 301 and are kept with it.
    return beoordeel(state, c, c.berichtRef(), c.berichtId(), "WMO302", () -> new Leveringsberichten.Uitkomst(
        c.retourcodes().stream().map(Retourcode::of).toList(),
        List.of(new CaseEvent.ToewijzingBevestigd(c.aanbieder(), c.berichtId(), now()))));
  }

  private ReplyEffect<CaseEvent, CaseState> onToewijzingVerzoeken(CaseState state, CaseCommand.ToewijzingVerzoeken c) {
    List<String> paden = new ArrayList<>(List.of(Verzoeken.CLIENT));
    c.aanvragen().forEach(a -> paden.add(a.klassepad()));
    return beoordeelVerzoek(state, c, Verzoeken.eenmaal(state, c.berichtRef(), c.berichtId(), "WMO315", paden,
        () -> Verzoeken.toewijzing(state, c, now()), now()));
  }

  private ReplyEffect<CaseEvent, CaseState> onWijzigingVerzoeken(CaseState state, CaseCommand.WijzigingVerzoeken c) {
    return beoordeelVerzoek(state, c, Verzoeken.eenmaal(state, c.berichtRef(), c.berichtId(), "WMO317",
        Wijzigingsverzoeken.klassen(c.client()), () -> Wijzigingsverzoeken.beoordeel(state, c, now()), now()));
  }

  private ReplyEffect<CaseEvent, CaseState> beoordeelVerzoek(CaseState state, CaseCommand c, Verzoeken.Beoordeling beoordeling) {
    if (beoordeling.events().isEmpty()) return Effect().reply(c.replyTo(), beoordeling.antwoord());
    return persistAll(state, beoordeling.events(), c, s -> beoordeling.antwoord());
  }

  private ReplyEffect<CaseEvent, CaseState> onVerzoekBeantwoorden(CaseState state, CaseCommand.VerzoekBeantwoorden c) {
    Verzoekantwoorden.Antwoord antwoord = Verzoekantwoorden.beantwoorden(state, c, now(), settings.zone());
    if (antwoord instanceof Verzoekantwoorden.Geweigerd geweigerd) return Effect().reply(c.replyTo(), geweigerd.reden());
    return persistAll(state, ((Verzoekantwoorden.Verstuurd) antwoord).events(), c);
  }

  private ReplyEffect<CaseEvent, CaseState> onAntwoordRetour(CaseState state, CaseCommand.AntwoordRetourOntvangen c) {
    // Like a 302: the aanbieder's answer, whatever it found in the 319, meets the wait for it (D15).
    return beoordeel(state, c, c.berichtRef(), c.berichtId(), "WMO320", () -> new Leveringsberichten.Uitkomst(
        c.retourcodes().stream().map(Retourcode::of).toList(),
        List.of(new CaseEvent.AntwoordBevestigd(c.aanbieder(), c.identificatie(), c.berichtId(), now()))));
  }

  private ReplyEffect<CaseEvent, CaseState> onPrestatieDeclareren(CaseState state, PrestatieDeclareren c) {
    Instant now = now();
    return beoordeel(state, c, c.berichtRef(), c.berichtId(), "WMO323",
        () -> Declaraties.prestatie(state, c, LocalDate.ofInstant(now, settings.zone()), now));
  }

  /** The WMO325 went out: it meets the wait for it (D17), once; a repeat changes nothing. */
  private ReplyEffect<CaseEvent, CaseState> onDeclaratieBeantwoorden(CaseState state, DeclaratieBeantwoorden c) {
    return Declaraties.beantwoord(state, c, now())
        .map(event -> persist(state, event, c))
        .orElseGet(() -> Effect().reply(c.replyTo(), accepted(state)));
  }

  /**
   * Judges one iWmo berichtklasse once: the first time its effect and its judgement are persisted
   * together; the same klasse sent again gets the same retourcodes and changes nothing.
   */
  private ReplyEffect<CaseEvent, CaseState> beoordeel(
      CaseState state, CaseCommand c, String ref, long berichtId, String soort, Supplier<Leveringsberichten.Uitkomst> judge) {
    Optional<List<String>> earlier = state.beoordeling(ref);
    if (earlier.isPresent()) {
      return Effect().reply(c.replyTo(), new CaseReply.Beoordeeld(earlier.get().stream().map(Retourcode::of).toList()));
    }
    Leveringsberichten.Uitkomst uitkomst = judge.get();
    List<CaseEvent> events = new ArrayList<>(uitkomst.effect());
    List<String> codes = uitkomst.retourcodes().stream().map(Retourcode::code).toList();
    events.add(new CaseEvent.BerichtklasseBeoordeeld(ref, berichtId, soort, codes, now()));
    CaseReply reply = new CaseReply.Beoordeeld(uitkomst.retourcodes());
    return persistAll(state, events, c, s -> reply);
  }

  /** Raises what time has made due; answered with how many alerts that were. */
  private ReplyEffect<CaseEvent, CaseState> onWake(CaseState state, Wake c) {
    List<CaseEvent> due = state.isNew() ? List.of() : DeadlineTimeline.due(state, now());
    CaseReply reply = new CaseReply.Checked(due.size());
    if (due.isEmpty()) {
      armTimer(state);
      return c.replyTo() == null ? Effect().noReply() : Effect().reply(c.replyTo(), reply);
    }
    return c.replyTo() == null
        ? Effect().persist(due).thenRun(this::armTimer).thenNoReply()
        : Effect().persist(due).thenRun(this::armTimer).thenReply(c.replyTo(), s -> reply);
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

  private ReplyEffect<CaseEvent, CaseState> conflict(CaseCommand command, String detail) {
    return Effect().reply(command.replyTo(), CaseReply.conflict(detail));
  }

  private ReplyEffect<CaseEvent, CaseState> reject(CaseCommand command, List<String> errors) {
    return Effect().reply(command.replyTo(), CaseReply.invalid(errors));
  }

  private static CaseReply accepted(CaseState state) {
    return new CaseReply.Accepted(CaseViews.of(state));
  }

  private static String notAllowed(CaseState state, CaseCommand command) {
    return command.action() + " is not allowed in fase " + state.fase();
  }

  private static String period(Toewijzing t) {
    return t.ingangsdatum() + " to " + (t.einddatum() == null ? "open end" : t.einddatum());
  }

  private String knownRegelingen() {
    return String.join(", ", regelingen.all().stream().map(Regeling::id).sorted().toList());
  }

  private Instant now() {
    return clock.instant();
  }
}
