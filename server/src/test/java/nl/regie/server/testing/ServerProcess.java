package nl.regie.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server as a separate JVM ({@code nl.regie.server.Main}), for tests that kill it with
 * SIGKILL or stop it as an operator would. Its output goes to a log file beside the data.
 */
public final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a server with {@code env} on a free port and waits until it is ready. */
  public static ServerProcess start(Map<String, String> env, Path log) throws Exception {
    return launch(List.of("-cp", System.getProperty("java.class.path"), "nl.regie.server.Main"), freePort(), env, log);
  }

  /**
   * Starts the packaged server, {@code java -jar regie-server.jar} as a user runs it, on
   * {@code port}, and waits until it is ready. Only for tests run after {@code package} (*IT),
   * which get the jar's path in {@code regie.server.jar}.
   */
  public static ServerProcess startPackaged(int port, Map<String, String> env, Path log) throws Exception {
    String jar = System.getProperty("regie.server.jar");
    if (jar == null) throw new IllegalStateException("regie.server.jar is not set: run this test with failsafe, after package");
    return launch(List.of("-jar", jar), port, env, log);
  }

  private static ServerProcess launch(List<String> main, int port, Map<String, String> env, Path log) throws Exception {
    // The quick compiler only, as the README starts the server (its "Configuration").
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
    command.addAll(main);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("REGIE_HTTP_PORT", String.valueOf(port));
    builder.environment().put("REGIE_REMOTE_PORT", "0");
    // The tests' secret unless {@code env} says otherwise ("" for development mode).
    builder.environment().put("REGIE_JWT_SECRET", TestTokens.SECRET);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    ServerProcess server = new ServerProcess(builder.start(), port);
    server.awaitReady(Duration.ofSeconds(90));
    return server;
  }

  public int port() {
    return port;
  }

  /** SIGKILL: no shutdown hooks, no flushing, nothing graceful. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM without waiting: the server shuts down meanwhile (see {@link #close()}). */
  public void terminate() {
    process.destroy();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Waits until the process has ended; false when it had not within {@code timeout}. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** SIGTERM: Pekko's coordinated shutdown leaves the cluster and closes the database. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) return;
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) kill();
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    try {
      Await.until(timeout, () -> {
        if (!process.isAlive()) throw new IllegalStateException("the server stopped with status " + process.exitValue());
        try {
          return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException notListeningYet) {
          return 0;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 0;
        }
      }, status -> status == 200, "the server to be ready");
    } catch (AssertionError | IllegalStateException e) {
      kill();
      throw e;
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
