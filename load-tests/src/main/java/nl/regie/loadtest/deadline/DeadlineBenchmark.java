package nl.regie.loadtest.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.regie.persistence.DatabaseSettings;

/**
 * The deadline benchmark: a million open deadlines across passivated cases. For each size it seeds
 * a fresh PostgreSQL database ({@link DeadlineSeeder}), starts the packaged server on it as a child
 * process with the virtual clock set before T0, and measures
 *
 * <ul>
 *   <li>the time from the start of the process until {@code /health/ready} answers 200;
 *   <li>the heap in use after a full GC (jcmd), {@code --settle} after ready, and the resident
 *       memory: whether the heap grows with the number of passivated cases;
 *   <li>when the clock is moved to T0 (where {@code --due-at-t0} deadlines fall due at once): the
 *       lateness of each MISSED alert, the real time from the clock POST until the alert is visible
 *       in {@code GET /api/v1/alerts}, polled with the {@code after} cursor every {@code --poll}
 *       (so a lateness is an upper bound, at most one poll interval plus a request late), as
 *       p50/p99/max and the time until all had come, with the server's and PostgreSQL's CPU time
 *       meanwhile. It verifies that exactly the cases due at T0 were alerted, each once, that no
 *       other alert appeared within {@code --grace} after the last, and that the index lets go of them.
 * </ul>
 *
 * <p>It builds nothing: build first, then run from the repository root (loopback only; it drops and
 * re-creates the database {@code --database}, and drops it at the end unless {@code --keep}):
 *
 * <pre>
 * ./mvnw -q -B -pl load-tests -am -DskipTests package
 * java -cp load-tests/target/classes:server/target/regie-server.jar nl.regie.loadtest.deadline.DeadlineBenchmark \
 *     --sizes=0,100000,1000000 --due-at-t0=10000 --xmx=1g
 * </pre>
 *
 * (the server jar's manifest brings its libraries from {@code server/target/lib}). Options, with
 * their defaults: {@code --sizes=0,100000,1000000 --due-at-t0=10000 --xmx=1g
 * --server-jar=server/target/regie-server.jar --pg=jdbc:postgresql://127.0.0.1:5432/ --pg-user=postgres
 * --pg-password= --database=regie_deadline_bench --poll=100ms --settle=10s --grace=5s
 * --ready-timeout=300s --alert-timeout=180s --work-dir=load-tests/target/deadline-benchmark --keep=false},
 * and {@code --jvm-arg=-D…} (repeatable) for the server, e.g. to try
 * {@code -Dregie.deadlines.scheduler.parallelism=128}. Bounded: at most five sizes of at most five
 * million cases, each phase with its timeout. The server's log of each size is in the work folder.
 * Exits 0 when every check held, 1 when one did not (the numbers are printed either way).
 */
public final class DeadlineBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GAP_PATIENCE = Duration.ofSeconds(10);
  private static String pgUser = "postgres";
  private static String pgPassword = "";

  record Options(List<Integer> sizes, int dueAtT0, String xmx, Path serverJar, String pg, String pgUser, String pgPassword,
      String database, Duration poll, Duration settle, Duration grace, Duration readyTimeout, Duration alertTimeout,
      Path workDir, boolean keep, List<String> jvmArgs) {

    static Options parse(String[] args) {
      Map<String, String> o = new LinkedHashMap<>();
      List<String> jvmArgs = new ArrayList<>();
      for (String arg : args) {
        if (!arg.startsWith("--") || !arg.contains("=")) throw new IllegalArgumentException("options are --name=value, not " + arg);
        String name = arg.substring(2, arg.indexOf('='));
        String value = arg.substring(arg.indexOf('=') + 1);
        if (name.equals("jvm-arg")) jvmArgs.add(value); else o.put(name, value);
      }
      Options options = new Options(
          Arrays.stream(o.getOrDefault("sizes", "0,100000,1000000").split(",")).map(String::strip).map(Integer::parseInt).toList(),
          Integer.parseInt(o.getOrDefault("due-at-t0", "10000")),
          o.getOrDefault("xmx", "1g"),
          Path.of(o.getOrDefault("server-jar", "server/target/regie-server.jar")),
          o.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:5432/"),
          o.getOrDefault("pg-user", "postgres"),
          o.getOrDefault("pg-password", ""),
          o.getOrDefault("database", "regie_deadline_bench"),
          duration(o.getOrDefault("poll", "100ms")),
          duration(o.getOrDefault("settle", "10s")),
          duration(o.getOrDefault("grace", "5s")),
          duration(o.getOrDefault("ready-timeout", "300s")),
          duration(o.getOrDefault("alert-timeout", "180s")),
          Path.of(o.getOrDefault("work-dir", "load-tests/target/deadline-benchmark")),
          Boolean.parseBoolean(o.getOrDefault("keep", "false")),
          List.copyOf(jvmArgs));
      for (String known : List.of("sizes", "due-at-t0", "xmx", "server-jar", "pg", "pg-user", "pg-password", "database", "poll",
          "settle", "grace", "ready-timeout", "alert-timeout", "work-dir", "keep")) {
        o.remove(known);
      }
      if (!o.isEmpty()) throw new IllegalArgumentException("unknown options " + o.keySet());
      if (options.sizes().isEmpty() || options.sizes().size() > 5 || options.sizes().stream().anyMatch(n -> n < 0 || n > 5_000_000)) {
        throw new IllegalArgumentException("--sizes: one to five sizes of 0 to 5,000,000 cases");
      }
      if (!options.database().matches("[a-z_][a-z0-9_]{0,62}")) throw new IllegalArgumentException("--database: a plain lower-case name");
      String host = URI.create(options.pg().substring("jdbc:".length())).getHost();
      if (!List.of("127.0.0.1", "localhost", "[::1]", "::1").contains(host)) {
        throw new IllegalArgumentException("--pg: loopback only (it drops and creates databases), not " + host);
      }
      if (!Files.isRegularFile(options.serverJar())) {
        throw new IllegalArgumentException(options.serverJar() + " is missing: run ./mvnw -q -B -pl load-tests -am -DskipTests package first");
      }
      return options;
    }

    private static Duration duration(String text) {
      if (text.endsWith("ms")) return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      if (text.endsWith("s")) return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      throw new IllegalArgumentException("a duration is 100ms or 10s, not " + text);
    }
  }

  /** What the clock move to T0 brought. Times in milliseconds from the clock POST. */
  record Alerts(int expected, int arrived, int unexpected, int repeated, int outOfOrder, int otherLevels, long alertRows, long indexRowsDueLeft,
      double firstMs, double p50Ms, double p99Ms, double maxMs, double allMs, double clockPostMs, double serverCpuSeconds,
      double postgresCpuSeconds, List<String> problems) {

    boolean ok() {
      return problems.isEmpty();
    }
  }

  /** One size's numbers. */
  record Run(int cases, int dueAtT0, double seedSeconds, double vacuumSeconds, long databaseBytes, double readySeconds,
      long heapAfterStart, long rssAfterStart, long heapAfterAlerts, long rssAfterAlerts, Alerts alerts, List<String> problems) {}

  private DeadlineBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("deadline benchmark: " + e.getMessage());
      System.exit(2);
      return;
    }
    pgUser = options.pgUser();
    pgPassword = options.pgPassword();
    Files.createDirectories(options.workDir());
    System.out.println(machine(options));
    List<Run> runs = new ArrayList<>();
    for (int size : options.sizes()) {
      Run run = run(options, size);
      runs.add(run);
      System.out.println(describe(run));
    }
    System.out.println();
    System.out.println(table(runs));
    boolean ok = runs.stream().allMatch(r -> r.problems().isEmpty());
    System.out.println(ok ? "every check held" : "SOME CHECKS FAILED (see above)");
    System.exit(ok ? 0 : 1);
  }

  static Run run(Options options, int cases) throws Exception {
    int dueAtT0 = Math.min(options.dueAtT0(), cases);
    DeadlineSeeder seeder = new DeadlineSeeder(DeadlineSeeder.Plan.of(cases, dueAtT0));
    List<String> problems = new ArrayList<>();
    System.out.printf(Locale.ROOT, "%n== %,d passivated cases, %,d due at T0 = %s ==%n", cases, dueAtT0, seeder.t0());
    recreateDatabase(options);
    DatabaseSettings settings = new DatabaseSettings(options.pg() + options.database(), options.pgUser(), options.pgPassword(), 2);
    try {
      DeadlineSeeder.Result seeded = seeder.seed(settings);
      System.out.printf(Locale.ROOT, "seeded %,d events in %.1f s%n", seeded.events(), seeded.seconds());
      long vacuumStart = System.nanoTime();
      // As a database that has been in use: statistics gathered, visibility map set, nothing left to checkpoint.
      execute(settings.url(), "VACUUM (ANALYZE)", "CHECKPOINT");
      double vacuumSeconds = (System.nanoTime() - vacuumStart) / 1e9;
      long databaseBytes = queryLong(settings.url(), "SELECT pg_database_size(current_database())");

      Path dataDir = Files.createDirectories(options.workDir().resolve("data-" + cases));
      Path log = options.workDir().resolve("server-" + cases + ".log");
      Map<String, String> env = Map.of(
          "REGIE_DB_URL", settings.url(),
          "REGIE_DB_USER", options.pgUser(),
          "REGIE_DB_PASSWORD", options.pgPassword(),
          "REGIE_CLOCK", "virtual",
          "REGIE_CLOCK_START", seeder.t0().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC).toString(),
          "REGIE_DATA_DIR", dataDir.toAbsolutePath().toString());
      List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.xmx()));
      jvm.addAll(options.jvmArgs());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
      try (ServerUnderTest server = ServerUnderTest.start(options.serverJar(), jvm, env, log)) {
        double ready = server.awaitReady(http, options.readyTimeout());
        System.out.printf(Locale.ROOT, "ready after %.2f s (pid %d, log %s)%n", ready, server.pid(), log);
        Thread.sleep(options.settle().toMillis());
        long heap = server.heapUsedAfterFullGc();
        long rss = server.residentBytes();
        System.out.printf(Locale.ROOT, "heap used after full GC %s, resident %s%n", mb(heap), mb(rss));
        Alerts alerts = null;
        long heapAfter = -1;
        long rssAfter = -1;
        if (dueAtT0 > 0) {
          alerts = alerts(options, http, server, seeder, seeded, settings.url());
          problems.addAll(alerts.problems());
          heapAfter = server.heapUsedAfterFullGc();
          rssAfter = server.residentBytes();
        }
        return new Run(cases, dueAtT0, seeded.seconds(), vacuumSeconds, databaseBytes, ready, heap, rss, heapAfter, rssAfter, alerts, problems);
      }
    } catch (Exception | AssertionError e) {
      problems.add("the run failed: " + e);
      e.printStackTrace(System.out);
      return new Run(cases, dueAtT0, -1, -1, -1, -1, -1, -1, -1, -1, null, problems);
    } finally {
      if (!options.keep() || cases != options.sizes().get(options.sizes().size() - 1)) dropDatabase(options);
    }
  }

  private static Alerts alerts(Options options, HttpClient http, ServerUnderTest server, DeadlineSeeder seeder,
      DeadlineSeeder.Result seeded, String url) throws Exception {
    List<String> problems = new ArrayList<>();
    Set<String> expected = new HashSet<>(seeded.dueAtT0());
    String page = server.base() + "/api/v1/alerts?level=MISSED&limit=1000&after=";
    if (!get(http, page + 0).get("items").isEmpty()) problems.add("MISSED alerts before the clock moved");

    double serverCpu = server.cpuSeconds();
    double postgresCpu = ServerUnderTest.ProcessCpu.ofPostgres();
    Set<String> arrived = new HashSet<>();
    double[] lateness = new double[expected.size()];
    int unexpected = 0;
    int repeated = 0;
    int outOfOrder = 0;
    // Alert ids are taken when a projection inserts and become visible when it commits, and four
    // projections commit in any order: a reader that pages on from the highest id it saw (the API's
    // "next") skips an alert that commits after a higher one. So this reader pages on from the
    // highest id below which it has seen every id (a gap older than GAP_PATIENCE is taken for an id
    // that was never committed), and counts the alerts that came in below a higher one seen before.
    Set<Long> seenIds = new HashSet<>();
    long contiguous = 0;
    long highest = 0;
    long gapSince = -1;

    long start = System.nanoTime();
    HttpResponse<String> moved = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/admin/v1/clock"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString("{\"set\":\"" + seeder.t0() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    double clockPostMs = (System.nanoTime() - start) / 1e6;
    if (moved.statusCode() != 200) throw new IllegalStateException("the clock did not move: " + moved.statusCode() + " " + moved.body());

    long giveUp = start + options.alertTimeout().toNanos();
    long lastNew = System.nanoTime();
    long nextPoll = start;
    // Poll until every expected alert came, then on for the grace period to catch any beyond them.
    while (System.nanoTime() < giveUp && (arrived.size() < expected.size() || System.nanoTime() - lastNew < options.grace().toNanos())) {
      long wait = nextPoll - System.nanoTime();
      if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      nextPoll = Math.max(nextPoll + options.poll().toNanos(), System.nanoTime());
      long cursor = contiguous;
      long highestBefore = highest;
      while (true) {
        JsonNode items = get(http, page + cursor).get("items");
        double ms = (System.nanoTime() - start) / 1e6;
        for (JsonNode alert : items) {
          long id = alert.get("id").asLong();
          cursor = id;
          if (!seenIds.add(id)) continue;
          if (id < highestBefore) outOfOrder++;
          highest = Math.max(highest, id);
          String caseId = alert.get("caseId").asText();
          if (!expected.contains(caseId) || !"D3".equals(alert.get("code").asText())) {
            unexpected++;
          } else if (!arrived.add(caseId)) {
            repeated++;
          } else {
            lateness[arrived.size() - 1] = ms;
            lastNew = System.nanoTime();
          }
        }
        if (items.size() < 1000) break;
      }
      while (seenIds.contains(contiguous + 1)) contiguous++;
      if (contiguous < highest) {
        if (gapSince < 0) gapSince = System.nanoTime();
        if (System.nanoTime() - gapSince > GAP_PATIENCE.toNanos()) {
          contiguous++;
          while (seenIds.contains(contiguous + 1)) contiguous++;
          gapSince = -1;
        }
      } else {
        gapSince = -1;
      }
    }
    double cpuServer = server.cpuSeconds() - serverCpu;
    double cpuPostgres = ServerUnderTest.ProcessCpu.ofPostgres() - postgresCpu;

    int otherLevels = 0;
    long after = 0;
    while (true) {
      JsonNode items = get(http, server.base() + "/api/v1/alerts?limit=1000&after=" + after).get("items");
      for (JsonNode alert : items) {
        after = alert.get("id").asLong();
        if (!"MISSED".equals(alert.get("level").asText())) otherLevels++;
      }
      if (items.size() < 1000) break;
    }
    long alertRows = queryLong(url, "SELECT COUNT(*) FROM alert");
    // The projection takes a missed deadline (no escalation) out of the index; give it the grace period.
    long dueLeft = -1;
    long indexGiveUp = System.nanoTime() + options.grace().toNanos() * 4;
    String dueQuery = "SELECT COUNT(*) FROM deadline_moment WHERE next_at <= '" + seeder.t0() + "'";
    while ((dueLeft = queryLong(url, dueQuery)) > 0 && System.nanoTime() < indexGiveUp) Thread.sleep(200);

    if (arrived.size() < expected.size()) {
      problems.add(String.format(Locale.ROOT, "only %,d of %,d MISSED alerts within %d s", arrived.size(), expected.size(),
          options.alertTimeout().toSeconds()));
    }
    if (unexpected > 0) problems.add(unexpected + " alerts of cases not due at T0");
    if (repeated > 0) problems.add(repeated + " alerts repeated");
    if (otherLevels > 0) problems.add(otherLevels + " WARNING or ESCALATED alerts");
    if (alertRows != expected.size()) problems.add("the alert table holds " + alertRows + " rows, not " + expected.size());
    if (dueLeft != 0) problems.add(dueLeft + " deadlines due at T0 still in the index");

    double[] got = Arrays.copyOf(lateness, arrived.size());
    Arrays.sort(got);
    Alerts result = new Alerts(expected.size(), arrived.size(), unexpected, repeated, outOfOrder, otherLevels, alertRows, dueLeft,
        percentile(got, 0), percentile(got, 50), percentile(got, 99), percentile(got, 100),
        arrived.size() == expected.size() ? got[got.length - 1] : Double.NaN, clockPostMs, cpuServer, cpuPostgres, problems);
    System.out.println(describe(result));
    return result;
  }

  /** Nearest rank; 0 gives the smallest. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  private static JsonNode get(HttpClient http, String uri) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
    return JSON.readTree(response.body());
  }

  private static void recreateDatabase(Options options) throws SQLException {
    dropDatabase(options);
    execute(options.pg() + "postgres", "CREATE DATABASE " + options.database());
  }

  private static void dropDatabase(Options options) {
    try {
      execute(options.pg() + "postgres", "DROP DATABASE IF EXISTS " + options.database() + " WITH (FORCE)");
    } catch (SQLException e) {
      System.out.println("could not drop " + options.database() + ": " + e.getMessage());
    }
  }

  private static void execute(String url, String... statements) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      for (String sql : statements) s.execute(sql);
    }
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, pgUser, pgPassword);
  }

  private static long queryLong(String url, String sql) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String machine(Options options) throws Exception {
    String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst().orElse("?");
    String postgres;
    try (Connection c = connect(options.pg() + "postgres"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version()")) {
      rs.next();
      postgres = rs.getString(1);
    }
    return String.format(Locale.ROOT, "deadline benchmark, %s%n%d cores, %s%nJDK %s (%s)%n%s%nserver: %s -Xmx%s %s%n",
        Instant.now(), Runtime.getRuntime().availableProcessors(), memory.replaceAll("\\s+", " "), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), postgres, options.serverJar(), options.xmx(), String.join(" ", options.jvmArgs()));
  }

  static String describe(Alerts a) {
    return String.format(Locale.ROOT,
        "alerts: %,d of %,d MISSED within %s; lateness first %.0f ms, p50 %.0f ms, p99 %.0f ms, max %.0f ms (clock POST %.0f ms); "
            + "CPU meanwhile: server %.1f s, PostgreSQL %.1f s; %d unexpected, %d repeated, %d other levels; %d alert rows; "
            + "%d due deadlines left in the index; %d alerts became visible below a higher id seen before (a reader paging on "
            + "from the API's next would have skipped them)%s",
        a.arrived(), a.expected(), Double.isNaN(a.allMs()) ? "the timeout" : String.format(Locale.ROOT, "%.2f s", a.allMs() / 1000),
        a.firstMs(), a.p50Ms(), a.p99Ms(), a.maxMs(), a.clockPostMs(), a.serverCpuSeconds(), a.postgresCpuSeconds(),
        a.unexpected(), a.repeated(), a.otherLevels(), a.alertRows(), a.indexRowsDueLeft(), a.outOfOrder(),
        a.ok() ? "" : "\nPROBLEMS: " + String.join("; ", a.problems()));
  }

  static String describe(Run r) {
    return String.format(Locale.ROOT, "%,d cases: seeded in %.1f s (+%.1f s vacuum), database %s, ready after %.2f s, heap %s, resident %s%s%s",
        r.cases(), r.seedSeconds(), r.vacuumSeconds(), mb(r.databaseBytes()), r.readySeconds(), mb(r.heapAfterStart()),
        mb(r.rssAfterStart()),
        r.heapAfterAlerts() < 0 ? "" : "; after the alerts heap " + mb(r.heapAfterAlerts()) + ", resident " + mb(r.rssAfterAlerts()),
        r.problems().isEmpty() ? "" : "\nPROBLEMS: " + String.join("; ", r.problems()));
  }

  static String table(List<Run> runs) {
    StringBuilder t = new StringBuilder();
    t.append("| passivated cases | seed | database | start → ready | heap used (after full GC) | resident | alerts at T0 | p50 | p99 | max | all in | heap after alerts | checks |\n");
    t.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Run r : runs) {
      Alerts a = r.alerts();
      t.append(String.format(Locale.ROOT, "| %,d | %.0f s | %s | %.2f s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          r.cases(), r.seedSeconds(), mb(r.databaseBytes()), r.readySeconds(), mb(r.heapAfterStart()), mb(r.rssAfterStart()),
          a == null ? "–" : String.format(Locale.ROOT, "%,d / %,d", a.arrived(), a.expected()),
          a == null ? "–" : seconds(a.p50Ms()), a == null ? "–" : seconds(a.p99Ms()), a == null ? "–" : seconds(a.maxMs()),
          a == null ? "–" : seconds(a.allMs()), r.heapAfterAlerts() < 0 ? "–" : mb(r.heapAfterAlerts()),
          r.problems().isEmpty() ? "held" : "FAILED: " + String.join("; ", r.problems())));
    }
    return t.toString();
  }

  private static String seconds(double ms) {
    return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.2f s", ms / 1000);
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "–" : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
  }
}
