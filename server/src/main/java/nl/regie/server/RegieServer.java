package nl.regie.server;

import static org.apache.pekko.http.javadsl.server.Directives.*;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import nl.regie.persistence.AlertStore;
import nl.regie.persistence.AuditTrail;
import nl.regie.persistence.BerichtIdentificaties;
import nl.regie.persistence.BerichtStore;
import nl.regie.persistence.CakAanlevering;
import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.CaseList;
import nl.regie.persistence.Database;
import nl.regie.persistence.DatabaseUnavailableException;
import nl.regie.persistence.DeadlineIndex;
import nl.regie.persistence.DeclaratieNummers;
import nl.regie.persistence.Migrations;
import nl.regie.persistence.PekkoDatabaseConfig;
import nl.regie.persistence.RoutingIndex;
import nl.regie.persistence.ToewijzingNummers;
import nl.regie.persistence.Vendor;
import nl.regie.persistence.VerzoekReferenties;
import nl.regie.persistence.VirtualClockStore;
import nl.regie.persistence.Webhooks;
import nl.regie.persistence.Werkvoorraad;
import nl.regie.protocol.aanbieder.Aanbiedersregister;
import nl.regie.protocol.aanbieder.AanbiedersregisterException;
import nl.regie.protocol.api.AlertView;
import nl.regie.protocol.api.CaseChangeView;
import nl.regie.protocol.codes.Gemeenten;
import nl.regie.protocol.iwmo.regels.Productcodelijst;
import nl.regie.protocol.iwmo.regels.StatelozeRegels;
import nl.regie.protocol.regeling.RegelingException;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.server.access.AuditRoutes;
import nl.regie.server.access.Audited;
import nl.regie.server.access.AuthSettings;
import nl.regie.server.access.Authentication;
import nl.regie.server.access.DevelopmentMode;
import nl.regie.server.access.Protected;
import nl.regie.server.access.TokenVerifier;
import nl.regie.server.bericht.BerichtIntake;
import nl.regie.server.bericht.BerichtProjectionHandler;
import nl.regie.server.cak.CakProjectionHandler;
import nl.regie.server.cak.CakRoutes;
import nl.regie.server.bericht.BerichtRoutes;
import nl.regie.server.cases.CaseEntity;
import nl.regie.server.cases.CaseEventProjection;
import nl.regie.server.cases.CaseListProjectionHandler;
import nl.regie.server.cases.CaseListRoutes;
import nl.regie.server.cases.CaseRoutes;
import nl.regie.server.cases.CaseService;
import nl.regie.server.cases.WerkvoorraadRoutes;
import nl.regie.server.clock.ClockRoutes;
import nl.regie.server.clock.ClockSync;
import nl.regie.server.clock.VirtualClock;
import nl.regie.server.cluster.ClusterOperations;
import nl.regie.server.deadline.AlertRoutes;
import nl.regie.server.dashboard.DashboardRoutes;
import nl.regie.server.deadline.DeadlineProjectionHandler;
import nl.regie.server.deadline.DeadlineScheduler;
import nl.regie.server.health.HealthRoutes;
import nl.regie.server.health.Readiness;
import nl.regie.server.http.AnswerDeadline;
import nl.regie.server.http.DurableAnswers;
import nl.regie.server.http.ErrorHandling;
import nl.regie.server.http.RequestLog;
import nl.regie.server.live.CaseStreamPruner;
import nl.regie.server.live.Feed;
import nl.regie.server.live.StreamEntry;
import nl.regie.server.live.StreamRoutes;
import nl.regie.server.live.StreamSettings;
import nl.regie.server.metrics.MetricsRoutes;
import nl.regie.server.metrics.ReadModelGauges;
import nl.regie.server.metrics.RequestMetrics;
import nl.regie.server.metrics.ServerMetrics;
import nl.regie.server.webhook.WebhookDispatcher;
import nl.regie.server.webhook.WebhookRoutes;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.slf4j.LoggerFactory;

/**
 * One Regie node: database checked and migrated, rulebooks loaded, actor system in the cluster,
 * case entities sharded, HTTP bound. {@link Main} starts one; tests start as many as they like.
 */
public final class RegieServer implements AutoCloseable {

  private final ActorSystem<Void> system;
  private final ServerBinding binding;

  private RegieServer(ActorSystem<Void> system, ServerBinding binding) {
    this.system = system;
    this.binding = binding;
  }

  /**
   * Starts a node from {@code config} (usually {@code ConfigFactory.load()}), on the system clock
   * or, with {@code regie.clock = virtual}, on the virtual clock.
   *
   * @throws StartupException with one line saying what is wrong: configuration, rulebook,
   *     database or port
   */
  public static RegieServer start(Config config) {
    return start(config, Optional.empty());
  }

  /** Starts a node on {@code clock}, whatever the configuration says (for tests that drive time). */
  public static RegieServer start(Config config, Clock clock) {
    return start(config, Optional.of(clock));
  }

  private static RegieServer start(Config config, Optional<Clock> givenClock) {
    RegieSettings settings;
    Regelingen regelingen;
    Aanbiedersregister aanbieders;
    try {
      settings = RegieSettings.from(config);
      regelingen = Regelingen.load(settings.regelingenDir());
      aanbieders = Aanbiedersregister.load(settings.aanbiedersDir(),
          regelingen.all().stream().map(Regeling::id).collect(Collectors.toSet()));
    } catch (ConfigException | IllegalArgumentException e) {
      throw new StartupException("configuration: " + e.getMessage(), e);
    } catch (RegelingException e) {
      throw new StartupException("rulebook " + e.getMessage(), e);
    } catch (AanbiedersregisterException e) {
      throw new StartupException("aanbieders register " + e.getMessage(), e);
    }

    if (!settings.auth().configured() && settings.database().vendor() != Vendor.H2) {
      throw new StartupException("configuration: authentication: set REGIE_JWT_SECRET (a shared HS256 secret, at least 32 bytes) or "
          + "REGIE_JWT_JWKS_URL with REGIE_JWT_ISSUER and REGIE_JWT_AUDIENCE (an OIDC provider); without them Regie runs "
          + "in development mode, and only on the embedded database");
    }

    Database database = Database.connect(settings.database());
    try {
      Migrations.apply(database);
    } catch (DatabaseUnavailableException e) {
      database.close();
      throw e;
    }

    Clock clock;
    Optional<VirtualClock> virtualClock = Optional.empty();
    if (givenClock.isPresent()) {
      clock = givenClock.get();
    } else if (settings.virtualClock()) {
      VirtualClockStore store = new VirtualClockStore(database);
      // Without a configured start, a new virtual clock starts at the real time, and a saved one goes on.
      Instant start = settings.virtualClockStart().orElseGet(() -> store.load().orElse(Clock.systemUTC().instant()));
      VirtualClock virtual = VirtualClock.load(store, start);
      virtualClock = Optional.of(virtual);
      clock = virtual;
    } else {
      clock = Clock.systemUTC();
    }

    TokenVerifier verifier = verifier(settings, clock);
    AuditTrail auditTrail = new AuditTrail(database);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "Regie", systemConfig(config, settings));
    onShutdown(system, CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "close-database", auditTrail::close, database::close);
    try {
      if (settings.seedNodes().isEmpty()) {
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
      }
      Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
      ServerMetrics metrics = new ServerMetrics();
      CaseEntity.init(system, settings.cases(), regelingen, aanbieders, clock, metrics::journalWrite);
      ReadModelGauges gauges = new ReadModelGauges(database,
          List.of(CaseEventProjection.NAME), metrics.registry(),
          settings.readModelGaugesInterval());
      onShutdown(system, CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "close-metrics", gauges::close, metrics::close);
      CaseService cases = new CaseService(system, settings.askTimeout(), new RoutingIndex(database), new ToewijzingNummers(database),
          new BerichtIdentificaties(database), metrics, blocking);
      initReadModels(system, settings, database, regelingen);
      ActorRef<DeadlineScheduler.Command> scheduler =
          DeadlineScheduler.init(system, new DeadlineIndex(database), cases, clock, settings.scheduler(), blocking);
      // Every node's clock tells the scheduler when it moves, wherever the move was made.
      virtualClock.ifPresent(virtual -> virtual.onChange(now -> scheduler.tell(DeadlineScheduler.Poll.INSTANCE)));
      Optional<ActorRef<ClockSync.Command>> clockSync =
          virtualClock.map(virtual -> ClockSync.start(system, virtual, settings.virtualClockRefresh(), blocking));

      BerichtStore berichten = new BerichtStore(database);
      BerichtIntake intake = new BerichtIntake(cases, berichten, new BerichtIdentificaties(database), new DeclaratieNummers(database),
          new StatelozeRegels(clock, Productcodelijst.van(regelingen.all()), Gemeenten::exists), new VerzoekReferenties(database),
          regelingen, aanbieders, clock, settings.cases().zone(), metrics, blocking);

      CaseRoutes caseRoutes = new CaseRoutes(cases);
      CaseListRoutes caseListRoutes = new CaseListRoutes(new CaseList(database), blocking);
      CakRoutes cakRoutes = new CakRoutes(new CakAanlevering(database), blocking);
      WerkvoorraadRoutes werkvoorraadRoutes = new WerkvoorraadRoutes(new Werkvoorraad(database), blocking);
      AlertStore alertStore = new AlertStore(database);
      AlertRoutes alertRoutes = new AlertRoutes(alertStore, blocking);
      AuditRoutes auditRoutes = new AuditRoutes(auditTrail, blocking);
      StreamSettings streams = settings.streams();
      CaseChanges changes = new CaseChanges(database);
      Feed<StreamEntry<CaseChangeView>> caseFeed = new Feed<>("cases", StreamRoutes.cases(changes), changes.head(),
          StreamEntry::offset, streams.memory(), streams.pollInterval(), blocking);
      Feed<StreamEntry<AlertView>> alertFeed = new Feed<>("alerts", StreamRoutes.alerts(alertStore), alertStore.head(),
          StreamEntry::offset, streams.memory(), streams.pollInterval(), blocking);
      CaseStreamPruner pruner = new CaseStreamPruner(changes, clock, streams.caseRetention(), streams.pruneInterval());
      virtualClock.ifPresent(virtual -> virtual.onChange(now -> pruner.pruneSoon()));
      onShutdown(system, CoordinatedShutdown.PhaseServiceUnbind(), "close-feeds", pruner::close, caseFeed::close, alertFeed::close);
      StreamRoutes streamRoutes = new StreamRoutes(caseFeed, alertFeed, streams.heartbeat(), metrics.registry());
      Webhooks webhooks = new Webhooks(database);
      WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, clock, settings.webhooks());
      onShutdown(system, CoordinatedShutdown.PhaseServiceUnbind(), "stop-webhooks", dispatcher::close);
      WebhookRoutes webhookRoutes = new WebhookRoutes(webhooks, Gemeenten::exists, clock, blocking);
      BerichtRoutes berichtRoutes = new BerichtRoutes(intake, berichten, blocking);
      Optional<ClockRoutes> clockRoutes = virtualClock.map(virtual -> new ClockRoutes(virtual, settings.cases().zone(),
          moved -> ClockSync.spread(clockSync.orElseThrow(), moved, system)));
      Audited audited = new Audited(auditTrail, clock);
      Route routes = Protected.routes(new Authentication(verifier), principal -> {
        List<Route> mine = new ArrayList<>(List.of(
            withSizeLimit(settings.maxBodyBytes(), () -> concat(caseListRoutes.route(principal),
                werkvoorraadRoutes.route(principal), caseRoutes.route(principal), alertRoutes.route(principal),
                auditRoutes.route(principal), streamRoutes.route(principal), cakRoutes.route(principal))),
            withSizeLimit(settings.maxBerichtBytes(), () -> berichtRoutes.route(principal))));
        clockRoutes.ifPresent(clockRoute -> mine.add(withSizeLimit(settings.maxBodyBytes(), clockRoute::route)));
        mine.add(withSizeLimit(settings.maxBodyBytes(), webhookRoutes::route));
        Route answered = Protected.adminOnly(principal, mine.stream().reduce(Route::orElse).orElseThrow());
        // Answered here, not further out, so that the audit row holds the status the client gets.
        return audited.route(principal, handleExceptions(ErrorHandling.exceptions(), () ->
            handleRejections(ErrorHandling.rejections(), () -> answered)));
      });
      Route open = concat(new HealthRoutes(new Readiness(system, Duration.ofSeconds(3))).route(), new MetricsRoutes(metrics).route(),
          new DashboardRoutes().route());
      // Every answer within the ask timeout: a request that also waits for the database (a claim,
      // a store) could otherwise take the pool's connection timeout on top of it.
      Route route = AnswerDeadline.of(settings.askTimeout().plusSeconds(1), () -> RequestMetrics.of(metrics.registry(), () -> RequestLog.of(() ->
          handleExceptions(ErrorHandling.exceptions(), () ->
              handleRejections(ErrorHandling.rejections(), () -> open.orElse(
                  DurableAnswers.of(database.durability(), () -> routes)))))));
      ServerBinding binding = Http.get(system).newServerAt(settings.httpHost(), settings.httpPort())
          .bind(route).toCompletableFuture().get(30, TimeUnit.SECONDS);
      binding.addToCoordinatedShutdown(Duration.ofSeconds(10), system);
      ClusterOperations.drainOnShutdown(system, settings.shutdownDrain());
      if (settings.managementPort().isPresent()) ClusterOperations.startManagement(system);
      system.log().info("Regie listens on http://{}:{} ({} regelingen, database {}, {} clock)",
          settings.httpHost(), binding.localAddress().getPort(), regelingen.all().size(), settings.database().describe(),
          virtualClock.isPresent() ? "virtual" : "system");
      return new RegieServer(system, binding);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      terminate(system);
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new StartupException("cannot listen on " + settings.httpHost() + ":" + settings.httpPort() + ": " + cause.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      terminate(system);
      throw new StartupException("interrupted while starting", e);
    }
  }

  /** The read models of the case events, kept by one projection per tag slice. */
  private static void initReadModels(ActorSystem<?> system, RegieSettings settings, Database database, Regelingen regelingen) {
    DeadlineIndex index = new DeadlineIndex(database);
    AlertStore alerts = new AlertStore(database);
    BerichtStore outbox = new BerichtStore(database);
    CakAanlevering cak = new CakAanlevering(database);
    Serialization serialization = SerializationExtension.get(system);
    ZoneId zone = settings.cases().zone();
    CaseEventProjection.init(system, settings.cases(), settings.projections(), database, () -> List.of(
        new DeadlineProjectionHandler(index, alerts, alert -> system.eventStream().tell(new EventStream.Publish<>(alert))),
        new BerichtProjectionHandler(outbox, zone),
        CaseListProjectionHandler.of(database, serialization, settings.projections().caseListFolds()),
        new CakProjectionHandler(cak, regeling -> regelingen.find(regeling).map(Regeling::eigenBijdrageViaCak).orElse(true), zone)));
  }

  /** Runs {@code closers} in order in shutdown phase {@code phase}. */
  private static void onShutdown(ActorSystem<?> system, String phase, String name, Runnable... closers) {
    CoordinatedShutdown.get(system).addTask(phase, name, () -> {
      for (Runnable closer : closers) closer.run();
      return CompletableFuture.completedFuture(Done.getInstance());
    });
  }

  /**
   * The configured way to verify tokens or, with none configured (embedded database only),
   * development mode: a secret of the data folder's own and a ready token per role beside it.
   */
  private static TokenVerifier verifier(RegieSettings settings, Clock clock) {
    AuthSettings auth = settings.auth();
    if (auth.secret().isPresent()) return TokenVerifier.hmac(auth.secret().get(), clock);
    if (auth.jwks().isPresent()) return TokenVerifier.jwks(auth.jwks().get(), auth.issuer(), auth.audience(), clock);
    byte[] secret = DevelopmentMode.secret(settings.dataDir());
    Path tokens = settings.dataDir().resolve("tokens").toAbsolutePath().normalize();
    DevelopmentMode.writeTokens(settings.dataDir(), secret, clock);
    LoggerFactory.getLogger(RegieServer.class).warn("DEVELOPMENT MODE: no REGIE_JWT_SECRET or REGIE_JWT_JWKS_URL is set, so Regie "
        + "signs its own tokens with a random secret in the data folder; a token per role is in {} (not for production)", tokens);
    return TokenVerifier.hmac(secret, clock);
  }

  private static Config systemConfig(Config config, RegieSettings settings) {
    Config overlay = PekkoDatabaseConfig.forDatabase(settings.database())
        .withValue("pekko.cluster.sharding.passivation.default-idle-strategy.idle-entity.timeout",
            ConfigValueFactory.fromAnyRef(settings.cases().passivateAfter().toMillis() + "ms"));
    if (!settings.seedNodes().isEmpty()) {
      overlay = overlay.withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(settings.seedNodes()));
    }
    if (settings.managementPort().isPresent()) {
      overlay = overlay.withValue("pekko.management.http.port", ConfigValueFactory.fromAnyRef(settings.managementPort().get()));
    }
    return overlay.withFallback(config).resolve();
  }

  public ActorSystem<Void> system() {
    return system;
  }

  public InetSocketAddress httpAddress() {
    return binding.localAddress();
  }

  /** Leaves the cluster, unbinds and closes the database, and waits until it has. */
  @Override
  public void close() {
    terminate(system);
  }

  private static void terminate(ActorSystem<?> system) {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the actor system did not stop within 60 s", e);
    }
  }

  /** The default configuration: application.conf with the environment's overrides. */
  public static Config defaultConfig() {
    return ConfigFactory.load();
  }
}
