package nl.regie.server;

import com.typesafe.config.Config;
import nl.regie.server.live.StreamSettings;
import nl.regie.server.webhook.WebhookSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.regie.persistence.DatabaseSettings;
import nl.regie.server.access.AuthSettings;
import nl.regie.server.cases.CaseSettings;
import nl.regie.server.deadline.SchedulerSettings;

/**
 * Every deployable setting of a node, read once from {@code regie.*} (see application.conf for
 * the environment variables behind each). Reading fails with a {@code ConfigException} naming
 * the setting when one is missing or of the wrong type.
 *
 * @param maxBerichtBytes the largest iWmo bericht taken (a declaratie can be long)
 * @param seedNodes cluster addresses to join; empty means this node forms a cluster of its own
 * @param shutdownDrain how long readiness says 503 on SIGTERM before the node stops taking requests
 * @param managementPort where Pekko Management's endpoints listen; empty: not started
 * @param virtualClock whether time stands still until moved through {@code /admin/v1/clock}
 * @param virtualClockStart where the virtual clock starts when the database has no time for it yet
 * @param virtualClockRefresh how often a node reads the cluster's virtual time from the database,
 *     for a move it was not told of
 * @param dataDir where the embedded database and development mode's secret and tokens live
 * @param auth how tokens are verified; unconfigured means development mode (embedded database only)
 */
public record RegieSettings(
    String httpHost,
    int httpPort,
    Duration askTimeout,
    long maxBodyBytes,
    long maxBerichtBytes,
    DatabaseSettings database,
    CaseSettings cases,
    Optional<Path> regelingenDir,
    Optional<Path> aanbiedersDir,
    List<String> seedNodes,
    Duration shutdownDrain,
    Optional<Integer> managementPort,
    boolean virtualClock,
    Optional<Instant> virtualClockStart,
    Duration virtualClockRefresh,
    SchedulerSettings scheduler,
    ProjectionSettings projections,
    StreamSettings streams,
    Duration readModelGaugesInterval,
    WebhookSettings webhooks,
    Path dataDir,
    AuthSettings auth) {

  public static RegieSettings from(Config config) {
    Config regie = config.getConfig("regie");
    String regelingen = regie.getString("regelingen-dir");
    String aanbieders = regie.getString("aanbieders-dir");
    String seeds = regie.getString("cluster.seed-nodes");
    String start = regie.getString("clock.virtual-start");
    String management = regie.getString("management.port");
    int port = port("regie.http.port", regie.getInt("http.port"));
    CaseSettings cases = CaseSettings.from(regie);
    return new RegieSettings(
        regie.getString("http.host"),
        port,
        regie.getDuration("http.ask-timeout"),
        regie.getBytes("http.max-body-size"),
        regie.getBytes("iwmo.max-body-size"),
        DatabaseSettings.from(regie),
        cases,
        regelingen.isBlank() ? Optional.empty() : Optional.of(Path.of(regelingen)),
        aanbieders.isBlank() ? Optional.empty() : Optional.of(Path.of(aanbieders)),
        seeds.isBlank() ? List.of() : Arrays.stream(seeds.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
        regie.getDuration("cluster.shutdown-drain"),
        management.isBlank() ? Optional.empty() : Optional.of(port("regie.management.port", Integer.parseInt(management.strip()))),
        clockMode(regie.getString("clock.mode")),
        start.isBlank() ? Optional.empty() : Optional.of(OffsetDateTime.parse(start).toInstant()),
        regie.getDuration("clock.refresh-interval"),
        // A case woken early must still be in memory at its moment.
        SchedulerSettings.from(regie).withLookAheadAtMost(cases.passivateAfter().dividedBy(2)),
        ProjectionSettings.from(regie),
        StreamSettings.from(regie),
        regie.getDuration("metrics.read-model-interval"),
        WebhookSettings.from(regie),
        Path.of(regie.getString("data-dir")),
        AuthSettings.from(regie));
  }

  private static int port(String setting, int port) {
    if (port < 0 || port > 65535) throw new IllegalArgumentException(setting + " must be 0-65535, not " + port);
    return port;
  }

  private static boolean clockMode(String mode) {
    return switch (mode) {
      case "system" -> false;
      case "virtual" -> true;
      default -> throw new IllegalArgumentException("regie.clock.mode (REGIE_CLOCK) is system or virtual, not '" + mode + "'");
    };
  }
}
