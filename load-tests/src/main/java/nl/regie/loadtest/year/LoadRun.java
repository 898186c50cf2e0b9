package nl.regie.loadtest.year;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import nl.regie.loadtest.deadline.ServerUnderTest;

/**
 * Runs a profile end to end and judges it: {@code LoadRun [profile] [--url URL]} (what {@code
 * load-tests/run} calls). Without {@code --url} it creates a fresh PostgreSQL database on
 * 127.0.0.1:5432 (user postgres), starts the packaged server on it with the virtual clock and a
 * random JWT secret, and drops the database afterwards ({@code --keep} keeps it). With {@code
 * --url} the server must run with {@code REGIE_CLOCK=virtual}, its clock before the profile's
 * start, and this process needs its secret ({@code REGIE_JWT_SECRET}, or the development secret
 * in {@code data/jwt-secret}), and its case stream's window ({@code REGIE_CASE_STREAM_RETENTION})
 * must be longer than the profile's span ({@link #caseStreamRetention}). Prints the verdict and one
 * screen of numbers; exits 0 only when every check passes.
 */
public final class LoadRun {

  /** A server to run against: where it is, its JWT secret, and its CPU time so far if it can be read. */
  public record Target(String base, byte[] secret, Supplier<OptionalDouble> cpuSeconds, String cpuNote) {}

  /** A run's verdict and its screen of numbers. */
  public record Outcome(Verdict verdict, String screen) {}

  private LoadRun() {}

  public static void main(String[] args) throws Exception {
    String profileName = "region";
    String url = null;
    boolean keep = false;
    String database = null;
    Path jar = Path.of("server/target/regie-server.jar");
    Path results = Path.of("load-tests/target/gatling");
    List<String> jvmArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--keep" -> keep = true;
        case "--database" -> database = args[++i];
        case "--jar" -> jar = Path.of(args[++i]);
        case "--results" -> results = Path.of(args[++i]);
        case "--jvm-arg" -> jvmArgs.add(args[++i]);
        default -> {
          if (args[i].startsWith("--")) {
            System.err.println("usage: LoadRun [profile|file.yaml] [--url URL] [--keep] [--database name] [--jar server.jar] [--results folder] [--jvm-arg A]...");
            System.exit(2);
          }
          profileName = args[i];
        }
      }
    }
    Profile profile = Profile.load(profileName);
    Script script = new Script(profile);
    Outcome outcome;
    if (url != null) {
      String base = url.replaceAll("/$", "");
      outcome = run(script, new Target(base, remoteSecret(), () -> metricsCpu(base), "from its /metrics"), results);
    } else {
      outcome = runOnFreshServer(script, jar, ServerUnderTest.jvmOptions(jvmArgs), results, keep, database);
    }
    System.out.println(outcome.screen());
    System.exit(outcome.verdict().passed() ? 0 : 1);
  }

  private static Outcome runOnFreshServer(Script script, Path jar, List<String> jvm, Path results, boolean keep, String named)
      throws Exception {
    if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: package first (load-tests/run does)");
    String database = named != null ? named : "regie_load_" + script.profile().naam() + "_" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    String server = "jdbc:postgresql://127.0.0.1:5432/";
    sql(server, "CREATE DATABASE " + database);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String secretText = HexFormat.of().formatHex(secret);
    Path log = Files.createDirectories(results).resolve(database + ".log");
    Timeline timeline = new Timeline(script);
    try (ServerUnderTest sut = ServerUnderTest.start(jar, jvm, Map.of(
        "REGIE_DB_URL", server + database,
        "REGIE_DB_USER", "postgres",
        "REGIE_JWT_SECRET", secretText,
        "REGIE_CLOCK", "virtual",
        // On shared cores a slow answer should show as latency, not as a 503 after the 5 s default.
        "REGIE_ASK_TIMEOUT", "30s",
        // The whole run in the case stream, for the verdict's replay from offset 0.
        "REGIE_CASE_STREAM_RETENTION", caseStreamRetention(timeline),
        "REGIE_CLOCK_START", timeline.first().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC).toString()), log)) {
      System.out.printf("server on %s (database %s, log %s), ready in %.1f s%n", sut.base(), database, log,
          sut.awaitReady(HttpClient.newHttpClient(), Duration.ofMinutes(2)));
      return run(script, new Target(sut.base(), secretText.getBytes(StandardCharsets.UTF_8), () -> {
        try {
          return OptionalDouble.of(sut.cpuSeconds());
        } catch (IOException e) {
          return OptionalDouble.empty();
        }
      }, "the server process, from /proc"), results);
    } finally {
      if (!keep) sql(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /**
   * The case stream's window for a run of {@code timeline}: a month longer than the virtual time
   * it passes, so that nothing of the run is pruned. The verdict demands that each dashboard saw
   * exactly the replay of the case stream from offset 0 after the run; with Regie's default week
   * the clock's moves would prune the run's early changes, and the replay would get a reset.
   */
  public static String caseStreamRetention(Timeline timeline) {
    return (Duration.between(timeline.first(), timeline.last()).toDays() + 30) + "d";
  }

  /** Runs the script against {@code target} with Gatling (its report under {@code results}), then judges it. */
  public static Outcome run(Script script, Target target, Path results) throws Exception {
    YearRun run = new YearRun(target.base(), script, target.secret());
    YearRun.install(run);
    run.live().start();
    OptionalDouble cpuBefore = target.cpuSeconds().get();
    long started = System.nanoTime();
    int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
        "--simulation", RegionYearSimulation.class.getName(),
        "--results-folder", Files.createDirectories(results).toAbsolutePath().toString(),
        "--run-description", script.profile().naam() + ": " + script.cases().size() + " cases"});
    double seconds = (System.nanoTime() - started) / 1e9;
    OptionalDouble cpuAfter = target.cpuSeconds().get();
    GatlingStats stats = GatlingStats.newest(results);
    Verdict verdict;
    try {
      verdict = new Verdict(run).judge(stats);
    } finally {
      run.live().close();
    }
    if (status != 0) verdict.checks().add(new Verdict.Check("Gatling ended normally", false, "status " + status));
    String heap = heapMegabytes(target.base());
    Screen screen = new Screen(script, run, stats, seconds, cpuBefore, cpuAfter, target.cpuNote(), heap, verdict);
    return new Outcome(verdict, screen.toString());
  }

  private static byte[] remoteSecret() throws IOException {
    String env = System.getenv("REGIE_JWT_SECRET");
    if (env != null && !env.isBlank()) return env.getBytes(StandardCharsets.UTF_8);
    Path dev = Path.of("data/jwt-secret");
    if (Files.isRegularFile(dev)) return Files.readAllBytes(dev);
    throw new IllegalStateException("with --url, set REGIE_JWT_SECRET to the server's secret (or run where data/jwt-secret is)");
  }

  /** The server's CPU time from its Prometheus metrics, when it publishes a counter of it. */
  private static OptionalDouble metricsCpu(String base) {
    for (String line : metrics(base)) {
      if (line.startsWith("process_cpu_time_ns_total")) return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / 1e9);
      if (line.startsWith("process_cpu_seconds_total")) return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
    }
    return OptionalDouble.empty();
  }

  /** The heap in use, summed over its pools, from the server's metrics. */
  private static String heapMegabytes(String base) {
    double bytes = 0;
    for (String line : metrics(base)) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
    return bytes == 0 ? "n/a" : String.format("%.0f MB", bytes / 1e6);
  }

  private static List<String> metrics(String base) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body().lines().toList() : List.of();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static void sql(String server, String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  /** The one screen of numbers. */
  record Screen(Script script, YearRun run, GatlingStats stats, double seconds, OptionalDouble cpuBefore, OptionalDouble cpuAfter,
      String cpuNote, String heap, Verdict verdict) {

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      int cases = script.cases().size();
      long requests = stats.all().total();
      long berichten = stats.requests().stream().filter(r -> r.name().startsWith("WMO")).mapToLong(GatlingStats.Row::total).sum();
      out.append(String.format("%n== %s: %d cases, %d werkdagen of virtual time (%s to %s), %d Gatling users ==%n",
          script.profile().naam(), cases, run.timeline().days(), script.days().firstKey(), script.days().lastKey(), script.profile().werkers()));
      out.append(String.format("wall %.1f s: %.1f cases/s, %.0f requests/s, %.1f berichten/s (iWmo posted and read)%n",
          seconds, cases / seconds, requests / seconds, berichten / seconds));
      out.append(String.format("%-20s %8s %6s %8s %8s %8s %8s%n", "request (ms)", "count", "ko", "p50", "p95", "p99", "max"));
      List<GatlingStats.Row> rows = new ArrayList<>(stats.requests());
      rows.add(stats.all());
      for (GatlingStats.Row r : rows) {
        out.append(String.format("%-20s %8d %6d %8.0f %8.0f %8.0f %8.0f%n", r.name(), r.total(), r.ko(), r.p50(), r.p95(), r.p99(), r.max()));
      }
      List<Double> lateness = run.alerts().arrived().stream().map(AlertWatch.Arrived::secondsAfterMove).sorted().toList();
      out.append(lateness.isEmpty() ? "alerts: none arrived\n" : String.format(
          "alerts: %d, read %.3f s (p50) / %.3f s (max) after the clock move that made them due%n",
          lateness.size(), lateness.get(lateness.size() / 2), lateness.get(lateness.size() - 1)));
      out.append(streamLine("dashboards", run.live().dashboards().size(), "changes", verdict.dashboardLatencies(),
          "after the request or clock move that caused them"));
      out.append(streamLine("supervisors", run.live().supervisors().size(), "alerts", verdict.supervisorLatencies(),
          "after the clock move that made them due"));
      if (cpuBefore.isPresent() && cpuAfter.isPresent()) {
        double cpu = cpuAfter.getAsDouble() - cpuBefore.getAsDouble();
        out.append(String.format("server CPU: %.1f s, %.2f ms per case (%s); heap in use after the run: %s%n", cpu, cpu * 1000 / cases, cpuNote, heap));
      } else {
        out.append("server CPU: n/a; heap in use after the run: " + heap + "\n");
      }
      out.append("report: ").append(stats.report().resolve("index.html")).append('\n');
      out.append(String.format("paths: %d WMO315 (%d honoured), %d WMO317 (%d honoured), %d lange zorg, %d declaraties%n",
          count(c -> c.toewijzingsverzoek), count(c -> c.toewijzingsverzoekGehonoreerd), count(ScriptedCase::wijzigingsverzoek),
          count(c -> c.wijzigingsverzoekGehonoreerd), count(c -> c.langeZorg), count(c -> c.day(Step.WMO323) != null)));
      verdict.checks().forEach(c -> out.append(c).append('\n'));
      out.append(verdict.passed() ? "VERDICT: PASS\n" : "VERDICT: FAIL\n");
      return out.toString();
    }

    private long count(java.util.function.Predicate<ScriptedCase> p) {
      return script.cases().stream().filter(p).count();
    }

    private static String streamLine(String who, int clients, String what, List<Double> millis, String after) {
      if (clients == 0) return who + ": none\n";
      if (millis.isEmpty()) return String.format("%s: %d, no %s received%n", who, clients, what);
      return String.format("%s: %d, %d %s received, delivered %.0f / %.0f / %.0f / %.0f ms (p50/p95/p99/max) %s%n", who, clients,
          millis.size(), what, at(millis, 0.50), at(millis, 0.95), at(millis, 0.99), millis.get(millis.size() - 1), after);
    }

    private static double at(List<Double> sorted, double q) {
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }
  }
}
