package nl.regie.loadtest.deadline;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server ({@code java <options> -jar server/target/regie-server.jar}) as a child process on
 * loopback, with its output in a log file; and what can be read of it from outside: readiness,
 * heap (through {@code jcmd}), resident memory and CPU time (through {@code /proc}). Closing it
 * stops it as an operator would (SIGTERM), and kills it if it does not stop within a minute.
 */
public final class ServerUnderTest implements AutoCloseable {

  /**
   * The quick compiler only (C1), as the README starts the server: on two cores the optimizing
   * compiler (C2) takes most of a core for minutes after each start, and a burst of deadlines after
   * a start took twice as long with it (BENCHMARKS.md, "The JIT on two cores").
   */
  public static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

  /** The JVM options of the load tests' servers: a heap of 1 GB and {@link #QUICK_JIT}. */
  public static final List<String> JVM_OPTIONS = List.of("-Xmx1g", QUICK_JIT);

  /** {@link #JVM_OPTIONS} and then {@code more}, which win where they say the same. */
  public static List<String> jvmOptions(List<String> more) {
    List<String> options = new ArrayList<>(JVM_OPTIONS);
    options.addAll(more);
    return List.copyOf(options);
  }

  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

  private final Process process;
  private final int port;
  private final long startedNanos;
  private final Thread killOnExit;

  private ServerUnderTest(Process process, int port, long startedNanos) {
    this.process = process;
    this.port = port;
    this.startedNanos = startedNanos;
    this.killOnExit = new Thread(process::destroyForcibly, "kill-regie-server");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts {@code java <jvmArgs> -jar <jar>} with {@code env} (and no other {@code REGIE_*}
   * variable of this process) on a free loopback port.
   */
  public static ServerUnderTest start(Path jar, List<String> jvmArgs, Map<String, String> env, Path log) throws IOException {
    return start(jar, jvmArgs, env, freePort(), log);
  }

  /** As {@link #start(Path, List, Map, Path)}, on {@code port}. */
  public static ServerUnderTest start(Path jar, List<String> jvmArgs, Map<String, String> env, int port, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    Map<String, String> all = new HashMap<>(env);
    all.put("REGIE_HTTP_HOST", "127.0.0.1");
    all.put("REGIE_HTTP_PORT", String.valueOf(port));
    all.put("REGIE_REMOTE_HOST", "127.0.0.1");
    all.put("REGIE_REMOTE_PORT", "0");
    return launch(command, all, port, log);
  }

  /**
   * Starts another server, such as the bare stack's {@code run-http.sh}, that listens on {@code
   * port} of loopback once it is up. Its process must become the server (a script {@code exec}s
   * it) for {@link #cpuSeconds()} to be the server's.
   */
  public static ServerUnderTest launch(List<String> command, Map<String, String> env, int port, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("REGIE_"));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    long started = System.nanoTime();
    return new ServerUnderTest(builder.start(), port, started);
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Polls {@code /health/ready} every 50 ms until it answers 200.
   *
   * @return seconds from the start of the process until then
   * @throws IllegalStateException when the process ends or {@code timeout} passes first
   */
  public double awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
    return awaitReady(http, "/health/ready", timeout);
  }

  /** As {@link #awaitReady(HttpClient, Duration)}, polling {@code path} (a {@code GET}). */
  public double awaitReady(HttpClient http, String path, Duration timeout) throws InterruptedException {
    long giveUp = startedNanos + timeout.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(5)).build();
    while (true) {
      if (!process.isAlive()) throw new IllegalStateException("the server stopped with status " + process.exitValue() + " before it was ready");
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - startedNanos) / 1e9;
        }
      } catch (IOException notListeningYet) {
        // not bound yet
      }
      if (System.nanoTime() > giveUp) throw new IllegalStateException("the server was not ready within " + timeout.toSeconds() + " s");
      Thread.sleep(50);
    }
  }

  /** A full collection ({@code jcmd GC.run}), then the heap in use after it, in bytes ({@code jcmd GC.heap_info}). */
  public long heapUsedAfterFullGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = HEAP_USED.matcher(info);
    if (!m.find()) throw new IllegalStateException("cannot read the heap from jcmd GC.heap_info:\n" + info);
    return Long.parseLong(m.group(1)) * 1024;
  }

  /** The resident set of the process, in bytes. */
  public long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }
    return -1;
  }

  /** CPU time used by the process so far (user and system), in seconds. */
  public double cpuSeconds() throws IOException {
    return ProcessCpu.of(pid());
  }

  /** Runs a diagnostic command in the server's JVM ({@code jcmd <pid> <command>}, e.g. {@code JFR.start …}) and returns its output. */
  public String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid()), command)
        .redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) throw new IllegalStateException("jcmd " + command + " failed:\n" + out);
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    // A script stopped before it exec'd its server (while it builds) leaves its children behind otherwise.
    process.descendants().forEach(ProcessHandle::destroy);
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  /** A loopback port that nothing listens on now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** CPU time of processes from {@code /proc/<pid>/stat} (Linux). */
  public static final class ProcessCpu {
    /** USER_HZ: the unit of the times in /proc/<pid>/stat; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    public static double of(long pid) throws IOException {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The command name may hold spaces: the fields after it start past the last ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** The CPU time of the whole machine, all cores, from {@code /proc/stat} (everything but idle and iowait). */
    public static double machineBusy() throws IOException {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        if (i != 4 && i != 5) busy += Long.parseLong(f[i]); // not idle, not iowait
      }
      return busy / TICKS_PER_SECOND;
    }

    /**
     * Waits (at most {@code wait}) until the machine is nearly idle, less than {@code belowPercent}
     * percent of all cores busy over three seconds, so that a measurement is not someone else's
     * build; returns the busy share last seen, and says so when it gave up.
     */
    public static double awaitQuiet(Duration wait, int belowPercent) throws IOException, InterruptedException {
      long giveUp = System.nanoTime() + wait.toNanos();
      int cores = Runtime.getRuntime().availableProcessors();
      boolean told = false;
      while (true) {
        double before = machineBusy();
        Thread.sleep(3000);
        double busy = (machineBusy() - before) / (3.0 * cores);
        if (busy * 100 < belowPercent) return busy;
        if (System.nanoTime() > giveUp) {
          System.out.printf(Locale.ROOT, "the machine is still %.0f%% busy with other work; measuring anyway%n", busy * 100);
          return busy;
        }
        if (!told) {
          System.out.printf(Locale.ROOT, "the machine is %.0f%% busy with other work; waiting for it to quieten (at most %d s)%n",
              busy * 100, wait.toSeconds());
          told = true;
        }
      }
    }

    /** This benchmark's own CPU time. */
    public static double self() throws IOException {
      return of(ProcessHandle.current().pid());
    }

    /**
     * The CPU time, per process, of the PostgreSQL processes that work for {@code database}: its
     * backends and the server-wide ones (postmaster, checkpointer, WAL writer, …), not the backends
     * of other databases. Per process, because backends come and go: a sum would drop with them.
     */
    public static Map<Long, Double> ofPostgres(String database) throws IOException {
      Map<Long, Double> cpu = new HashMap<>();
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path dir : (Iterable<Path>) dirs::iterator) {
          String name = dir.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) continue;
          try {
            if (!Files.readString(dir.resolve("stat")).contains("(postgres)")) continue;
            String title = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
            // A backend's title is "postgres: 15/main: <user> <database> <client> <state>".
            boolean backend = title.matches("postgres: \\S+: \\S+ \\S+ .*(\\(\\d+\\)|\\[local\\]).*");
            if (!backend || title.contains(" " + database + " ")) cpu.put(Long.parseLong(name), of(Long.parseLong(name)));
          } catch (IOException | RuntimeException gone) {
            // the process ended meanwhile
          }
        }
      }
      return cpu;
    }

    /** The CPU time used between two {@link #ofPostgres} readings, by the processes alive at the second. */
    public static double between(Map<Long, Double> before, Map<Long, Double> after) {
      double total = 0;
      for (Map.Entry<Long, Double> e : after.entrySet()) total += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
      return total;
    }
  }
}
