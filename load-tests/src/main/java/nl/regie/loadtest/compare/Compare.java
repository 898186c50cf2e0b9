package nl.regie.loadtest.compare;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.regie.loadtest.RegionSimulation;
import nl.regie.loadtest.deadline.ServerUnderTest;
import nl.regie.loadtest.year.GatlingStats;

/**
 * Regie beside its bare stack and raw PostgreSQL, measured one after the other in one run on the
 * same machine ({@code load-tests/compare}, README "Benchmarks"):
 * <ol>
 *   <li>raw PostgreSQL: journal-sized rows inserted by 8 clients, 1 and 100 per commit, in a fresh
 *       database;
 *   <li>the bare stack behind HTTP ({@code ../shared/anchors/pekko-bare/run-http.sh}), then Regie's
 *       packaged server on a fresh database, each driven by the same clients: a warm-up, the closed
 *       model ({@code RegionSimulation}: N cases, C in flight) and the open model (Gatling, R cases
 *       a second for S seconds), with the server's CPU from {@code /proc} and the database per case
 *       after {@code VACUUM FULL}; for Regie also after its virtual clock has moved past the case
 *       stream's window and the server has pruned it ({@link CaseStreamWindow});
 *   <li>one table with both and their ratios, and where Regie stands against issue 18's goals.
 * </ol>
 * Exits non-zero when anything failed (a server that does not start, a request that fails, a
 * database that does not come to rest); missing a goal is reported, not failed.
 */
public final class Compare {

  /** The run's settings; see {@link #usage()}. */
  record Options(int cases, int inFlight, int warmUp, double rate, int openSeconds, int rawSeconds, int port, boolean jfr,
      int quietWait, boolean keep, Path jar, List<String> regieJvm, Path bare, List<String> bareJvm, Path results) {}

  private Compare() {}

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    System.exit(run(o) ? 0 : 1);
  }

  static boolean run(Options o) throws Exception {
    if (!Files.isRegularFile(o.jar())) throw new IllegalStateException(o.jar() + " is missing: package first (load-tests/compare does)");
    if (!Files.isRegularFile(o.bare())) throw new IllegalStateException(o.bare() + " is missing: the bare stack's run-http.sh (--bare PATH)");
    Files.createDirectories(o.results());
    String stamp = o.results().getFileName().toString().replaceAll("[^0-9]", "");
    String loadBefore = loadAverage();
    System.out.printf("compare: results in %s; load average %s%n", o.results(), loadBefore);

    awaitQuiet(o);
    String rawDatabase = "compare_raw_" + stamp;
    List<RawInsertRate.Result> raw = new ArrayList<>();
    sql("CREATE DATABASE " + rawDatabase);
    try {
      RawInsertRate rate = new RawInsertRate(Contender.SERVER + rawDatabase);
      for (int perCommit : new int[] {1, 100}) {
        RawInsertRate.Result r = rate.measure(8, perCommit, Duration.ofSeconds(o.rawSeconds()));
        System.out.printf("raw PostgreSQL, 8 clients, %d per commit: %,.0f rows/s%n", perCommit, r.rowsPerSecond());
        raw.add(r);
      }
    } finally {
      sql("DROP DATABASE IF EXISTS " + rawDatabase + " WITH (FORCE)");
    }

    Measured bare = measure(Contender.bare(o.bare(), o.bareJvm(), o.results().resolveSibling("pekko-bare-build")), o, o.port());
    String regieDatabase = "compare_regie_" + stamp;
    sql("CREATE DATABASE " + regieDatabase);
    Measured regie;
    try {
      regie = measure(Contender.regie(o.jar(), o.regieJvm(), regieDatabase), o, o.port() == 0 ? 0 : o.port() + 1);
    } finally {
      if (!o.keep()) sql("DROP DATABASE IF EXISTS " + regieDatabase + " WITH (FORCE)");
    }
    System.out.println(new ComparisonTable(o, raw, bare, regie, loadBefore, loadAverage()));
    return bare.failure() == null && regie.failure() == null;
  }

  /** Starts the contender, drives it through the warm-up and both models, stops it and measures its database. */
  private static Measured measure(Contender c, Options o, int port) {
    Path log = o.results().resolve(c.name().toLowerCase() + ".log");
    System.out.printf("%n== %s (log %s) ==%n", c.name(), log);
    try {
      awaitQuiet(o);
      HttpClient http = HttpClient.newHttpClient();
      RegionSimulation.Result warm;
      RegionSimulation.Result closed;
      Cpu.Used closedCpu;
      Cpu.Used openCpu;
      OpenModel open;
      GatlingStats stats;
      double openSeconds;
      double ready;
      boolean atRest;
      Hotspots hotspots = null;
      Footprint empty;
      Footprint written;
      Footprint afterWindow = null;
      try (ServerUnderTest server = c.starter().start(port == 0 ? ServerUnderTest.freePort() : port, log)) {
        ready = server.awaitReady(http, c.readyPath(), Duration.ofMinutes(5));
        System.out.printf("ready in %.1f s on %s (pid %d)%n", ready, server.base(), server.pid());
        empty = Footprint.afterVacuumFull(c.databaseUrl());

        warm = RegionSimulation.run(server.base(), c.token(), o.warmUp(), o.inFlight(), 40, new Random(1));
        System.out.println("warm-up: " + warm);
        // Statistics for the planner, as a database in use has them: with autovacuum off (as on the machine this was made on)
        // a fresh database keeps the plans made for its empty tables, and a growing table makes them slower by the case.
        analyze(c.databaseUrl());

        Path recording = o.results().resolve(c.name().toLowerCase() + "-closed.jfr").toAbsolutePath();
        if (o.jfr()) server.jcmd("JFR.start name=compare settings=profile filename=" + recording);
        Cpu before = Cpu.now(server, c.database());
        closed = RegionSimulation.run(server.base(), c.token(), o.cases(), o.inFlight(), 40, new Random(2));
        closedCpu = Cpu.now(server, c.database()).since(before);
        if (o.jfr()) {
          server.jcmd("JFR.stop name=compare");
          hotspots = Hotspots.of(recording, c.ownPrefix(), 15);
        }
        System.out.println("closed model: " + closed);
        System.out.printf("closed model CPU: server %.1f s, client %.1f s, PostgreSQL %.1f s, other processes %.1f s%n",
            closedCpu.server(), closedCpu.client(), closedCpu.postgres(), closedCpu.others());

        // The database per case is what the warm-up's and the closed model's cases left, each walked to STOP.
        if (!Footprint.awaitRest(c.databaseUrl(), Duration.ofSeconds(60))) throw new IllegalStateException("the database did not come to rest after the closed model");
        written = Footprint.afterVacuumFull(c.databaseUrl()).minus(empty);
        if (c.window() != null) {
          // What lasts of a closed case: its changes pass the case stream's window and are pruned.
          afterWindow = c.window().pass(server.base(), c.databaseUrl(), http).minus(empty);
          System.out.printf("after the case stream's window (the clock moved %s on): %,d bytes, the case stream %,d bytes in %,d rows "
              + "(before: %,d bytes, %.0f%% of the database, in %,d rows)%n", c.window().retention().plusDays(1), afterWindow.bytes(),
              afterWindow.streamBytes(), afterWindow.streamRows(), written.streamBytes(), 100.0 * written.streamBytes() / written.bytes(),
              written.streamRows());
        }

        open = new OpenModel(server.base(), c.token(), o.rate(), Duration.ofSeconds(o.openSeconds()), 3);
        before = Cpu.now(server, c.database());
        long started = System.nanoTime();
        stats = open.run(o.results().resolve("gatling-" + c.name().toLowerCase()));
        openSeconds = (System.nanoTime() - started) / 1e9;
        openCpu = Cpu.now(server, c.database()).since(before);
        System.out.printf("open model: %d requests, %d failed, p50/p95/p99 %.0f/%.0f/%.0f ms, server CPU %.1f s%n",
            stats.all().total(), stats.all().ko(), stats.all().p50(), stats.all().p95(), stats.all().p99(), openCpu.server());

        atRest = Footprint.awaitRest(c.databaseUrl(), Duration.ofSeconds(60));
      }
      int cases = warm.cases() + closed.cases();
      List<String> failures = new ArrayList<>();
      if (warm.failed() > 0) failures.add("warm-up: " + warm.failed() + " cases failed, the first: " + warm.firstFailure());
      if (closed.failed() > 0) failures.add("closed model: " + closed.failed() + " cases failed, the first: " + closed.firstFailure());
      if (stats.all().ko() > 0) failures.add("open model: " + stats.all().ko() + " requests failed (Gatling's report: " + stats.report() + ")");
      if (!atRest) failures.add("the database did not come to rest within 60 s of the last request");
      String failure = failures.isEmpty() ? null : String.join("; ", failures);
      Measured m = new Measured(c.name(), ready, warm, closed, closedCpu, open, stats, openSeconds, openCpu, cases, written, afterWindow,
          atRest, hotspots, log, failure);
      System.out.printf("database: %,d bytes, %,d rows, %,d journal rows for %,d cases%n", written.bytes(), written.rows(),
          written.journalRows(), cases);
      return m;
    } catch (Exception e) {
      e.printStackTrace();
      return Measured.failed(c.name(), log, e.toString());
    }
  }

  /** With {@code --quiet-wait}: waits that long at most until the machine is less than 25% busy. */
  private static void awaitQuiet(Options o) throws java.io.IOException, InterruptedException {
    if (o.quietWait() > 0) ServerUnderTest.ProcessCpu.awaitQuiet(Duration.ofSeconds(o.quietWait()), 25);
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "n/a";
    }
  }

  private static void analyze(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(Contender.SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  static String usage() {
    return """
        usage: load-tests/compare [--cases N] [--in-flight C] [--warm-up W] [--rate R] [--open-seconds S]
                                  [--raw-seconds T] [--port P] [--jfr] [--quiet-wait Q] [--keep] [--jar server.jar]
                                  [--regie-jvm-arg A]... [--bare run-http.sh] [--bare-jvm-arg A]...
          --cases N         cases of the closed model (default 2000)
          --in-flight C     cases in flight in the closed model and its warm-up (default 64)
          --warm-up W       cases walked before measuring (default 1000)
          --rate R          cases a second offered in the open model (default 100)
          --open-seconds S  how long the open model offers them (default 30)
          --raw-seconds T   how long each raw PostgreSQL measurement inserts (default 10)
          --port P          the bare stack on P, Regie on P+1 (default: free ports)
          --jfr             record the closed model with JFR and print each server's hot spots (adds a little CPU)
          --quiet-wait Q    before each part wait up to Q seconds for the machine to be less than 25% busy (default 0)
          --keep            keep Regie's database (compare_regie_<time>)
          --jar             Regie's packaged server (default server/target/regie-server.jar)
          --regie-jvm-arg A one more option of Regie's JVM, after -Xmx1g -XX:TieredStopAtLevel=1 (repeatable)
          --bare            the bare stack's run-http.sh (default ../shared/anchors/pekko-bare/run-http.sh)
          --bare-jvm-arg A  one more option of the bare stack's JVM (its JAVA_OPTS; repeatable)""";
  }

  static Options parse(String[] args) {
    int cases = 2000;
    int inFlight = 64;
    int warmUp = 1000;
    double rate = 100;
    int openSeconds = 30;
    int rawSeconds = 10;
    int port = 0;
    boolean jfr = false;
    int quietWait = 0;
    boolean keep = false;
    Path jar = Path.of("server/target/regie-server.jar");
    List<String> regieJvm = new ArrayList<>();
    List<String> bareJvm = new ArrayList<>();
    Path bare = Path.of("../shared/anchors/pekko-bare/run-http.sh");
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--cases" -> cases = Integer.parseInt(args[++i]);
          case "--in-flight" -> inFlight = Integer.parseInt(args[++i]);
          case "--warm-up" -> warmUp = Integer.parseInt(args[++i]);
          case "--rate" -> rate = Double.parseDouble(args[++i]);
          case "--open-seconds" -> openSeconds = Integer.parseInt(args[++i]);
          case "--raw-seconds" -> rawSeconds = Integer.parseInt(args[++i]);
          case "--port" -> port = Integer.parseInt(args[++i]);
          case "--jfr" -> jfr = true;
          case "--quiet-wait" -> quietWait = Integer.parseInt(args[++i]);
          case "--keep" -> keep = true;
          case "--jar" -> jar = Path.of(args[++i]);
          case "--regie-jvm-arg" -> regieJvm.add(args[++i]);
          case "--bare" -> bare = Path.of(args[++i]);
          case "--bare-jvm-arg" -> bareJvm.add(args[++i]);
          default -> throw new IllegalArgumentException(args[i]);
        }
      }
      if (cases < 1 || inFlight < 1 || warmUp < 0 || rate <= 0 || openSeconds < 1 || rawSeconds < 1) throw new IllegalArgumentException("a count below 1");
    } catch (RuntimeException e) {
      System.err.println(usage());
      System.exit(2);
    }
    Path results = Path.of("load-tests/target/compare", LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    return new Options(cases, inFlight, warmUp, rate, openSeconds, rawSeconds, port, jfr, quietWait, keep, jar, List.copyOf(regieJvm), bare,
        List.copyOf(bareJvm), results);
  }
}
