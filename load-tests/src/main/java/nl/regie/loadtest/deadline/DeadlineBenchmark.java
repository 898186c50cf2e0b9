package nl.regie.loadtest.deadline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.regie.protocol.codes.Gemeenten;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.access.TokenMinter;
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
 * process with the virtual clock set before the first burst, and measures
 *
 * <ul>
 *   <li>the time from the start of the process until {@code /health/ready} answers 200;
 *   <li>the heap in use after a full GC (jcmd), {@code --settle} after ready, and the resident
 *       memory: whether the heap grows with the number of passivated cases;
 *   <li>for each of the {@code --bursts}, a working day apart: when the clock is moved to the burst's
 *       moment (straight from the day before, or, with {@code --approach}, from a little before the
 *       moment, as time approaches midnight: see {@link #approach}), where that many deadlines fall due at once (the first burst on a freshly started
 *       server, which compiles its code as it goes; the later ones on a server warmed up by them): the
 *       lateness of each MISSED alert, the real time from the clock POST until the alert is visible
 *       in {@code GET /api/v1/alerts?level=MISSED&limit=1000&after=…}, polled every {@code --poll}
 *       (so a lateness is an upper bound: at most one poll interval plus a request late), as
 *       p50/p99/max and the time until all had come, with the CPU time of the server, PostgreSQL
 *       and any other process meanwhile. It verifies that exactly the cases of the burst were
 *       alerted, each once, that no other alert came within {@code --grace} after the last, that
 *       the index let go of them, and that no alert became visible below an id seen before (which
 *       a reader paging on from the API's {@code next} would skip; the append lock prevents it).
 * </ul>
 *
 * <p>Before it starts the server and before it moves the clock it waits (at most {@code
 * --quiet-wait}) until the machine is less than {@code --quiet-below} percent busy, and it reports
 * the CPU time other processes took during each measurement, so that a number taken next to
 * someone's build says so.
 *
 * <p>It builds nothing: build first, then run from the repository root (loopback only; it drops and
 * re-creates the database {@code --database}, and drops it at the end unless {@code --keep}):
 *
 * <pre>
 * ./mvnw -q -B -pl load-tests -am -DskipTests package
 * java -cp load-tests/target/classes:server/target/regie-server.jar nl.regie.loadtest.deadline.DeadlineBenchmark \
 *     --sizes=0,100000,1000000 --bursts=10000,10000,10000 --xmx=1g
 * </pre>
 *
 * (the server jar's manifest brings its libraries from {@code server/target/lib}). Options, with
 * their defaults: {@code --sizes=0,100000,1000000 --bursts=10000,10000,10000 --xmx=1g
 * --server-jar=server/target/regie-server.jar --pg=jdbc:postgresql://127.0.0.1:5432/ --pg-user=postgres
 * --pg-password= --database=regie_deadline_bench --poll=100ms --settle=10s --grace=5s
 * --ready-timeout=300s --alert-timeout=180s --work-dir=load-tests/target/deadline-benchmark --keep=false
 * --quiet-wait=900s --quiet-below=15 --approach=0s --approach-wait=30s},
 * and {@code --jvm-arg=…} (repeatable) for the server, after {@code -Xmx} and {@link
 * ServerUnderTest#QUICK_JIT}, e.g. to try {@code -Dregie.deadlines.scheduler.parallelism=128}, or
 * {@code -XX:TieredStopAtLevel=4} for the optimizing compiler as well. Bounded: at most five sizes
 * of at most five million cases, each phase with its timeout. The server's log of each size is in the work folder.
 * Exits 0 when every check held, 1 when one did not (the numbers are printed either way).
 */
public final class DeadlineBenchmark {

  /** The server's secret for this run, and a token that moves its clock and reads the alerts of every gemeente. */
  private static final String SECRET = UUID.randomUUID() + "-" + UUID.randomUUID();
  private static final String AUTHORIZATION = "Bearer " + new TokenMinter(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
      .mint(new Principal("deadline-benchmark", Set.of(Role.ADMIN, Role.SUPERVISOR),
          Gemeenten.all().stream().map(g -> g.code()).collect(Collectors.toSet()), null), Duration.ofDays(3650));


  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GAP_PATIENCE = Duration.ofSeconds(10);
  /** Transactions committed in the database so far (PostgreSQL's statistics, which lag by up to a second). */
  private static final String COMMITS = "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()";
  /** Where the write-ahead log is (of the whole PostgreSQL server, not only this database). */
  private static final String WAL = "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn";
  private static String pgUser = "postgres";
  private static String pgPassword = "";

  record Options(List<Integer> sizes, List<Integer> bursts, String xmx, Path serverJar, String pg, String pgUser, String pgPassword,
      String database, Duration poll, Duration settle, Duration grace, Duration readyTimeout, Duration alertTimeout,
      Path workDir, boolean keep, Duration quietWait, int quietBelowPercent, Duration approach, Duration approachWait,
      List<String> jvmArgs) {

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
          integers(o.getOrDefault("sizes", "0,100000,1000000")),
          integers(o.getOrDefault("bursts", "10000,10000,10000")),
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
          duration(o.getOrDefault("quiet-wait", "900s")),
          Integer.parseInt(o.getOrDefault("quiet-below", "15")),
          duration(o.getOrDefault("approach", "0s")),
          duration(o.getOrDefault("approach-wait", "30s")),
          List.copyOf(jvmArgs));
      for (String known : List.of("sizes", "bursts", "xmx", "server-jar", "pg", "pg-user", "pg-password", "database", "poll",
          "settle", "grace", "ready-timeout", "alert-timeout", "work-dir", "keep", "quiet-wait", "quiet-below", "approach",
          "approach-wait")) {
        o.remove(known);
      }
      if (!o.isEmpty()) throw new IllegalArgumentException("unknown options " + o.keySet());
      if (options.sizes().isEmpty() || options.sizes().size() > 5 || options.sizes().stream().anyMatch(n -> n < 0 || n > 5_000_000)) {
        throw new IllegalArgumentException("--sizes: one to five sizes of 0 to 5,000,000 cases");
      }
      if (options.bursts().isEmpty() || options.bursts().size() > 10 || options.bursts().stream().anyMatch(n -> n < 1 || n > 100_000)) {
        throw new IllegalArgumentException("--bursts: one to ten bursts of 1 to 100,000 cases");
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

    private static List<Integer> integers(String text) {
      return Arrays.stream(text.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    private static Duration duration(String text) {
      if (text.endsWith("ms")) return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      if (text.endsWith("s")) return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      throw new IllegalArgumentException("a duration is 100ms or 10s, not " + text);
    }
  }

  /** What moving the clock to a burst's moment brought. Times in milliseconds from the clock POST. */
  record Alerts(String burst, int expected, int arrived, int unexpected, int repeated, int outOfOrder, long otherLevels, long alertRows, long indexRowsDueLeft,
      double firstMs, double p50Ms, double p99Ms, double maxMs, double allMs, double clockPostMs, double serverCpuSeconds,
      double postgresCpuSeconds, double othersCpuSeconds, double busyBefore, long commits, long walBytes, double raisedP50Ms,
      double raisedP99Ms, double raisedMaxMs, List<String> problems) {

    boolean ok() {
      return problems.isEmpty();
    }
  }

  /** One size's numbers. */
  record Run(int cases, double seedSeconds, double vacuumSeconds, long databaseBytes, double readySeconds,
      double busyBeforeStart, double othersCpuDuringStart, long heapAfterStart, long rssAfterStart, long heapAfterAlerts,
      long rssAfterAlerts, List<Alerts> bursts, List<String> problems) {}

  /**
   * CPU time used so far by the machine, the server, PostgreSQL (for the benchmark's database) and
   * this benchmark, in seconds.
   */
  record Cpu(double machine, double server, Map<Long, Double> postgres, double self) {
    static Cpu now(ServerUnderTest server, String database) throws IOException {
      return new Cpu(ServerUnderTest.ProcessCpu.machineBusy(), server == null ? 0 : server.cpuSeconds(),
          ServerUnderTest.ProcessCpu.ofPostgres(database), ServerUnderTest.ProcessCpu.self());
    }

    double postgresSince(Cpu before) {
      return ServerUnderTest.ProcessCpu.between(before.postgres, postgres);
    }

    /** What other processes used since {@code before}: other engineers' builds and databases, say. */
    double othersSince(Cpu before) {
      return Math.max(0, (machine - before.machine) - (server - before.server) - postgresSince(before) - (self - before.self));
    }
  }

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
    // As many bursts as the cases fill, each as large as asked or as the cases left allow.
    List<Integer> burstSizes = new ArrayList<>();
    int left = cases;
    for (int asked : options.bursts()) {
      if (left == 0) break;
      burstSizes.add(Math.min(asked, left));
      left -= burstSizes.get(burstSizes.size() - 1);
    }
    DeadlineSeeder seeder = new DeadlineSeeder(DeadlineSeeder.Plan.of(cases, burstSizes));
    List<String> problems = new ArrayList<>();
    System.out.printf(Locale.ROOT, "%n== %,d passivated cases, bursts of %s due from %s on, a working day apart ==%n",
        cases, burstSizes, seeder.firstBurst());
    recreateDatabase(options);
    DatabaseSettings settings = new DatabaseSettings(options.pg() + options.database(), options.pgUser(), options.pgPassword(), 2);
    try {
      DeadlineSeeder.Result seeded = seeder.seed(settings);
      System.out.printf(Locale.ROOT, "seeded %,d journal rows in %.1f s%n", seeded.journalRows(), seeded.seconds());
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
          "REGIE_CLOCK_START", seeder.firstBurst().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC).toString(),
          "REGIE_DATA_DIR", dataDir.toAbsolutePath().toString(),
          "REGIE_JWT_SECRET", SECRET,
          // The seeded cases' stream changes are months old: a week's window would have the server
          // delete them in the middle of the bursts it measures. Here the stream keeps everything.
          "REGIE_CASE_STREAM_RETENTION", "36500d");
      List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.xmx(), ServerUnderTest.QUICK_JIT));
      jvm.addAll(options.jvmArgs());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
      double busyBeforeStart = awaitQuiet(options);
      Cpu beforeStart = Cpu.now(null, options.database());
      try (ServerUnderTest server = ServerUnderTest.start(options.serverJar(), jvm, env, log)) {
        double ready = server.awaitReady(http, options.readyTimeout());
        double othersDuringStart = Cpu.now(server, options.database()).othersSince(beforeStart);
        System.out.printf(Locale.ROOT, "ready after %.2f s (pid %d, log %s); other processes used %.1f s of CPU meanwhile%n",
            ready, server.pid(), log, othersDuringStart);
        Thread.sleep(options.settle().toMillis());
        long heap = server.heapUsedAfterFullGc();
        long rss = server.residentBytes();
        System.out.printf(Locale.ROOT, "heap used after full GC %s, resident %s%n", mb(heap), mb(rss));
        List<Alerts> bursts = new ArrayList<>();
        long alertsInAll = 0;
        for (int k = 0; k < burstSizes.size(); k++) {
          alertsInAll += burstSizes.get(k);
          String label = k == 0 ? "burst 1 (the first after the start)" : "burst " + (k + 1) + " (the working day after burst " + k + ")";
          Alerts burst = alerts(options, http, server, settings.url(), label, seeder.burstMoment(k), seeded.bursts().get(k), alertsInAll);
          bursts.add(burst);
          problems.addAll(burst.problems());
        }
        long heapAfter = bursts.isEmpty() ? -1 : server.heapUsedAfterFullGc();
        long rssAfter = bursts.isEmpty() ? -1 : server.residentBytes();
        return new Run(cases, seeded.seconds(), vacuumSeconds, databaseBytes, ready, busyBeforeStart, othersDuringStart,
            heap, rss, heapAfter, rssAfter, bursts, problems);
      }
    } catch (Exception | AssertionError e) {
      problems.add("the run failed: " + e);
      e.printStackTrace(System.out);
      return new Run(cases, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, List.of(), problems);
    } finally {
      if (!options.keep() || cases != options.sizes().get(options.sizes().size() - 1)) dropDatabase(options);
    }
  }

  /**
   * Moves the clock to {@code moment}, where the cases {@code dueNow} fall due, and follows their
   * alerts through the API.
   *
   * @param alertsInAll how many alerts the database should hold afterwards
   */
  private static Alerts alerts(Options options, HttpClient http, ServerUnderTest server, String url, String burst,
      Instant moment, List<String> dueNow, long alertsInAll) throws Exception {
    List<String> problems = new ArrayList<>();
    Set<String> expected = new HashSet<>(dueNow);
    String page = server.base() + "/api/v1/alerts?level=MISSED&limit=1000&after=";
    long alertsBefore = queryLong(url, "SELECT COUNT(*) FROM alert");
    if (alertsBefore != alertsInAll - expected.size()) problems.add(alertsBefore + " alerts before the clock moved");
    // Statistics as autovacuum gathers them in the working day between bursts (the machine these
    // were measured on runs PostgreSQL without it): otherwise the alert table stays analyzed as the
    // empty table it was at the start, and its queries are planned for that.
    if (alertsBefore > 0) execute(url, "ANALYZE");

    if (!options.approach().isZero()) approach(options, http, server, moment);
    double busyBefore = awaitQuiet(options);
    Cpu before = Cpu.now(server, options.database());
    long commitsBefore = queryLong(url, COMMITS);
    long walBefore = queryLong(url, WAL);
    long orderingBefore = queryLong(url, "SELECT COALESCE(MAX(ordering), 0) FROM event_journal");
    Set<String> arrived = new HashSet<>();
    double[] lateness = new double[expected.size()];
    int unexpected = 0;
    int repeated = 0;
    int outOfOrder = 0;
    // Should an alert become visible below a higher id seen before, a reader paging on from the
    // API's "next" would skip it. So this reader pages on from the highest id below which it has
    // seen every id (a gap older than GAP_PATIENCE is taken for an id that was never committed), and
    // counts the alerts that came in below a higher one seen before: there must be none.
    Set<Long> seenIds = new HashSet<>();
    long contiguous = queryLong(url, "SELECT COALESCE(MAX(id), 0) FROM alert");
    long highest = contiguous;
    long gapSince = -1;

    long wallStart = System.currentTimeMillis();
    long start = System.nanoTime();
    setClock(http, server, moment);
    double clockPostMs = (System.nanoTime() - start) / 1e6;

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
    Cpu spent = Cpu.now(server, options.database());
    long walBytes = queryLong(url, WAL) - walBefore;

    long otherLevels = queryLong(url, "SELECT COUNT(*) FROM alert WHERE alert_level <> 'MISSED'");
    long commits = queryLong(url, COMMITS) - commitsBefore;
    // When each case raised its alert: the journal's write time of its row (wall clock, milliseconds),
    // which splits the lateness into waking the case and projecting its alert. A row holds a whole
    // decision (CaseEvent.Grouped), so its manifest does not say what is in it; but the burst's
    // cases get nothing else, so every row written since it began is an alert's.
    double[] raised = writeTimes(url, orderingBefore, wallStart);
    long alertRows = queryLong(url, "SELECT COUNT(*) FROM alert");
    // The projection takes a missed deadline (no escalation) out of the index; give it the grace period.
    long dueLeft = -1;
    long indexGiveUp = System.nanoTime() + options.grace().toNanos() * 4;
    String dueQuery = "SELECT COUNT(*) FROM deadline_moment WHERE next_at <= '" + moment + "'";
    while ((dueLeft = queryLong(url, dueQuery)) > 0 && System.nanoTime() < indexGiveUp) Thread.sleep(200);

    if (arrived.size() < expected.size()) {
      problems.add(String.format(Locale.ROOT, "only %,d of %,d MISSED alerts within %d s", arrived.size(), expected.size(),
          options.alertTimeout().toSeconds()));
    }
    if (unexpected > 0) problems.add(unexpected + " alerts of cases not due in this burst");
    if (outOfOrder > 0) problems.add(outOfOrder + " alerts became visible below a higher id seen before");
    if (repeated > 0) problems.add(repeated + " alerts repeated");
    if (otherLevels > 0) problems.add(otherLevels + " WARNING or ESCALATED alerts");
    if (alertRows != alertsInAll) problems.add("the alert table holds " + alertRows + " rows, not " + alertsInAll);
    if (dueLeft != 0) problems.add(dueLeft + " deadlines due by " + moment + " still in the index");

    double[] got = Arrays.copyOf(lateness, arrived.size());
    Arrays.sort(got);
    Alerts result = new Alerts(burst, expected.size(), arrived.size(), unexpected, repeated, outOfOrder, otherLevels, alertRows, dueLeft,
        percentile(got, 0), percentile(got, 50), percentile(got, 99), percentile(got, 100),
        arrived.size() == expected.size() ? got[got.length - 1] : Double.NaN, clockPostMs, spent.server() - before.server(),
        spent.postgresSince(before), spent.othersSince(before), busyBefore, commits, walBytes,
        percentile(raised, 50), percentile(raised, 99), percentile(raised, 100), problems);
    System.out.println(describe(result));
    return result;
  }

  /**
   * Time approaching the burst, as it does towards midnight: the clock is set {@code --approach}
   * before the moment and left there for {@code --approach-wait} of real time (the server may wake
   * cases whose moment is near: its look-ahead), and the CPU that took is printed.
   */
  private static void approach(Options options, HttpClient http, ServerUnderTest server, Instant moment) throws Exception {
    Cpu before = Cpu.now(server, options.database());
    setClock(http, server, moment.minus(options.approach()));
    Thread.sleep(options.approachWait().toMillis());
    Cpu after = Cpu.now(server, options.database());
    System.out.printf(Locale.ROOT, "the clock stood %d s before the moment for %d s: server %.1f s, PostgreSQL %.1f s of CPU meanwhile%n",
        options.approach().toSeconds(), options.approachWait().toSeconds(), after.server() - before.server(), after.postgresSince(before));
  }

  private static void setClock(HttpClient http, ServerUnderTest server, Instant moment) throws Exception {
    HttpResponse<String> moved = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/admin/v1/clock"))
        .header("Content-Type", "application/json").header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString("{\"set\":\"" + moment + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    if (moved.statusCode() != 200) throw new IllegalStateException("the clock did not move: " + moved.statusCode() + " " + moved.body());
  }

  /** {@link ServerUnderTest.ProcessCpu#awaitQuiet} with the options' {@code --quiet-wait} and {@code --quiet-below}. */
  static double awaitQuiet(Options options) throws IOException, InterruptedException {
    return ServerUnderTest.ProcessCpu.awaitQuiet(options.quietWait(), options.quietBelowPercent());
  }

  /** The write times of the DeadlineAlerted events after {@code ordering}, in milliseconds after {@code wallStart}, sorted. */
  private static double[] writeTimes(String url, long ordering, long wallStart) throws SQLException {
    List<Long> times = new ArrayList<>();
    try (Connection c = connect(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT write_timestamp FROM event_journal WHERE ordering > " + ordering)) {
      while (rs.next()) times.add(rs.getLong(1) - wallStart);
    }
    return times.stream().mapToDouble(Long::doubleValue).sorted().toArray();
  }

  /** Nearest rank; 0 gives the smallest. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  private static JsonNode get(HttpClient http, String uri) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", AUTHORIZATION)
            .timeout(Duration.ofSeconds(30)).build(),
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
        "%s: %,d of %,d MISSED alerts within %s; lateness first %.2f s, p50 %.2f s, p99 %.2f s, max %.2f s (the clock POST took %.0f ms)%n"
            + "  the cases raised them (journal write time) p50 %.2f s, p99 %.2f s, max %.2f s after the clock POST%n"
            + "  CPU meanwhile: server %.1f s, PostgreSQL %.1f s, other processes %.1f s (machine %.0f%% busy just before)%n"
            + "  %,d commits and %s of WAL (%.1f commits, %.1f kB per alert)%n"
            + "  %d unexpected, %d repeated, %d of another level; %d alert rows; %d due deadlines left in the index; "
            + "%d alerts became visible below a higher id seen before (a reader paging on from the API's next would have skipped them)%s",
        a.burst(), a.arrived(), a.expected(), Double.isNaN(a.allMs()) ? "the timeout" : String.format(Locale.ROOT, "%.2f s", a.allMs() / 1000),
        a.firstMs() / 1000, a.p50Ms() / 1000, a.p99Ms() / 1000, a.maxMs() / 1000, a.clockPostMs(),
        a.raisedP50Ms() / 1000, a.raisedP99Ms() / 1000, a.raisedMaxMs() / 1000,
        a.serverCpuSeconds(), a.postgresCpuSeconds(), a.othersCpuSeconds(), a.busyBefore() * 100,
        a.commits(), mb(a.walBytes()), a.commits() / (double) a.expected(), a.walBytes() / 1000.0 / a.expected(),
        a.unexpected(), a.repeated(), a.otherLevels(), a.alertRows(), a.indexRowsDueLeft(), a.outOfOrder(),
        a.ok() ? "" : "\n  PROBLEMS: " + String.join("; ", a.problems()));
  }

  static String describe(Run r) {
    return String.format(Locale.ROOT, "%,d cases: seeded in %.1f s (+%.1f s vacuum), database %s, ready after %.2f s "
            + "(machine %.0f%% busy before; others used %.1f s CPU meanwhile), heap %s, resident %s%s%s",
        r.cases(), r.seedSeconds(), r.vacuumSeconds(), mb(r.databaseBytes()), r.readySeconds(), r.busyBeforeStart() * 100,
        r.othersCpuDuringStart(), mb(r.heapAfterStart()),
        mb(r.rssAfterStart()),
        r.heapAfterAlerts() < 0 ? "" : "; after the alerts heap " + mb(r.heapAfterAlerts()) + ", resident " + mb(r.rssAfterAlerts()),
        r.problems().isEmpty() ? "" : "\nPROBLEMS: " + String.join("; ", r.problems()));
  }

  /** One row per size and burst; the size's own numbers in its first row. */
  static String table(List<Run> runs) {
    StringBuilder t = new StringBuilder();
    t.append("| passivated cases | seed | database | start → ready | heap used (full GC) | resident "
        + "| burst | alerts | p50 | p99 | max = all in | heap after | checks |\n");
    t.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Run r : runs) {
      String size = String.format(Locale.ROOT, "| %,d | %.0f s | %s | %.2f s | %s | %s ", r.cases(), r.seedSeconds(),
          mb(r.databaseBytes()), r.readySeconds(), mb(r.heapAfterStart()), mb(r.rssAfterStart()));
      String end = String.format(Locale.ROOT, "| %s | %s |%n", r.heapAfterAlerts() < 0 ? "–" : mb(r.heapAfterAlerts()),
          r.problems().isEmpty() ? "held" : "FAILED: " + String.join("; ", r.problems()));
      if (r.bursts().isEmpty()) t.append(size).append("| – | – | – | – | – ").append(end);
      for (int k = 0; k < r.bursts().size(); k++) {
        Alerts a = r.bursts().get(k);
        t.append(k == 0 ? size : "| | | | | | ").append(String.format(Locale.ROOT, "| %d | %,d / %,d | %s | %s | %s ", k + 1,
            a.arrived(), a.expected(), seconds(a.p50Ms()), seconds(a.p99Ms()), seconds(a.maxMs())));
        t.append(k == 0 ? end : "| | |\n");
      }
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
