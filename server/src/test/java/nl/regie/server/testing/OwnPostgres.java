package nl.regie.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own: {@code initdb} into a temporary folder, listening on a
 * free port of 127.0.0.1, so that a test can stop and start it under load while the suite's
 * database stays up. PostgreSQL refuses to run as root; as root, its commands run as the
 * {@code postgres} user. The binaries come from {@code REGIE_TEST_PG_BIN}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin}.
 */
public final class OwnPostgres implements AutoCloseable {

  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  private final Path bin;
  private final Path folder;
  private final Path data;
  private final int port;

  private OwnPostgres(Path bin, Path folder, int port) {
    this.bin = bin;
    this.folder = folder;
    this.data = folder.resolve("data");
    this.port = port;
  }

  /** Creates a new cluster, starts it and creates {@code database} in it. */
  public static OwnPostgres start(String database) throws Exception {
    Path folder = Files.createTempDirectory("regie-pg-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    if (ROOT) run(List.of("chown", "postgres:postgres", folder.toString()));
    OwnPostgres postgres = new OwnPostgres(binaries(), folder, ServerProcess.freePort());
    postgres.asPostgres(List.of(postgres.bin.resolve("initdb").toString(), "-D", postgres.data.toString(),
        "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"));
    postgres.start();
    try (Connection connection = DriverManager.getConnection(postgres.url("postgres"), "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    return postgres;
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Starts the server and waits until it accepts connections. */
  public void start() throws IOException, InterruptedException {
    asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("postgres.log").toString(),
        "-w", "-t", "60", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1", "start"));
  }

  /** Stops the server as a crash would: no checkpoint, every connection cut. */
  public void stopImmediately() throws IOException, InterruptedException {
    asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      stopImmediately();
    } catch (IllegalStateException alreadyStopped) {
      // pg_ctl says so when no server runs; the folder goes all the same.
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
    }
  }

  private void asPostgres(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (ROOT) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(command);
    run(full);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static Path binaries() throws IOException {
    String configured = System.getenv("REGIE_TEST_PG_BIN");
    if (configured != null && !configured.isBlank()) return Path.of(configured);
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(version -> version.resolve("bin"))
          .filter(folder -> Files.isExecutable(folder.resolve("initdb")))
          .max(Comparator.comparingInt(folder -> Integer.parseInt(folder.getParent().getFileName().toString())))
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql; set REGIE_TEST_PG_BIN"));
    }
  }
}
