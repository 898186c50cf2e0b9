package nl.regie.loadtest.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.regie.loadtest.Region;
import nl.regie.loadtest.deadline.ServerUnderTest;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.access.TokenMinter;

/**
 * A server to measure on Regie's v1 paths: how it is started, the database it writes, the path that
 * answers 200 once it is ready, the token it is driven with, and the prefix of its own classes (for
 * the profile), and for Regie its case stream's window (null: none). Two of them: Regie's packaged
 * server, and the bare stack behind HTTP.
 */
record Contender(String name, String database, String readyPath, String token, String ownPrefix, Starter starter,
    CaseStreamWindow window) {

  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  /** Starts the server on a port, its output to a log. */
  @FunctionalInterface
  interface Starter {
    ServerUnderTest start(int port, Path log) throws IOException;
  }

  String databaseUrl() {
    return SERVER + database;
  }

  /**
   * The bare stack ({@code run-http.sh PORT}, see its README): it builds itself with Maven in
   * {@code work} and recreates its database, {@code pekko_bench}; {@code jvmArgs} go to its JVM
   * (its {@code JAVA_OPTS}). It has no health path; a read of a case answers once sharding is up.
   * It ignores the token.
   */
  static Contender bare(Path runHttp, List<String> jvmArgs, Path work) {
    return new Contender("bare", "pekko_bench", "/api/v1/cases/readiness-probe", "", "bench.pekko.", (port, log) -> {
      return ServerUnderTest.launch(List.of("bash", runHttp.toString(), String.valueOf(port)),
          Map.of("PEKKO_BARE_WORK", work.toAbsolutePath().toString(), "JAVA_OPTS", String.join(" ", jvmArgs)), port, log);
    }, null);
  }

  /** Regie's case stream window in the comparison: its default, set here so that the clock's move past it matches. */
  static final Duration CASE_STREAM_RETENTION = Duration.ofDays(7);

  /**
   * Regie's packaged server ({@code java <ServerUnderTest.JVM_OPTIONS> <jvmArgs> -jar
   * regie-server.jar}) on {@code database}, which must exist and be empty, with a random JWT secret and a token of the region's toegang and
   * backoffice, on the virtual clock (it starts at the real time and stands still, which a run of
   * minutes does not notice) so that the comparison can move it past the case stream's window. The
   * tokens are valid for 30 days, so that they outlive that move.
   */
  static Contender regie(Path jar, List<String> jvmArgs, String database) {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String secret = HexFormat.of().formatHex(bytes);
    Set<String> gemeenten = Set.copyOf(Region.noordLimburg(1, new Random(0)).gemeenten());
    TokenMinter minter = new TokenMinter(secret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
    String token = minter.mint(new Principal("compare", Set.of(Role.TOEGANG, Role.BACKOFFICE), gemeenten, null), Duration.ofDays(30));
    String admin = minter.mint(new Principal("compare-admin", Set.of(Role.ADMIN), Set.of(), null), Duration.ofDays(30));
    return new Contender("Regie", database, "/health/ready", token, "nl.regie.", (port, log) -> {
      return ServerUnderTest.start(jar, ServerUnderTest.jvmOptions(jvmArgs), Map.of(
          "REGIE_DB_URL", SERVER + database,
          "REGIE_DB_USER", "postgres",
          "REGIE_JWT_SECRET", secret,
          "REGIE_CLOCK", "virtual",
          "REGIE_CASE_STREAM_RETENTION", CASE_STREAM_RETENTION.toDays() + "d"), port, log);
    }, new CaseStreamWindow(admin, CASE_STREAM_RETENTION));
  }
}
