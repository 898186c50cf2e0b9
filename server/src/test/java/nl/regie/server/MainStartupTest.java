package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.regie.server.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Main} as an operator meets it: a separate JVM with a broken environment stops at once,
 * with exit status 1 and one line on stderr saying what is wrong.
 */
class MainStartupTest {

  @TempDir Path dataDir;

  record Outcome(int exitCode, List<String> stderr) {}

  Outcome run(Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "nl.regie.server.Main");
    builder.environment().put("REGIE_DATA_DIR", dataDir.toString());
    builder.environment().put("REGIE_REMOTE_PORT", "0");
    builder.environment().put("REGIE_HTTP_PORT", "0");
    builder.environment().putAll(env);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
      throw new AssertionError("the server did not stop by itself");
    }
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    List<String> lines = stderr.lines().filter(l -> !l.startsWith("SLF4J")).toList();
    return new Outcome(process.exitValue(), lines);
  }

  void assertOneLine(Outcome outcome, String prefix) {
    assertEquals(1, outcome.exitCode());
    assertEquals(1, outcome.stderr().size(), String.join("\n", outcome.stderr()));
    assertTrue(outcome.stderr().get(0).startsWith(prefix), outcome.stderr().get(0));
  }

  @Test
  void anUnreachableDatabase() throws Exception {
    assertOneLine(run(Map.of("REGIE_DB_URL", "jdbc:postgresql://127.0.0.1:1/regie", "REGIE_DB_USER", "regie",
            "REGIE_JWT_SECRET", TestTokens.SECRET)),
        "regie: cannot reach the database at jdbc:postgresql://127.0.0.1:1/regie: ");
  }

  /** Development mode is for the embedded database alone: a shared one needs real authentication. */
  @Test
  void aSharedDatabaseWithoutAuthentication() throws Exception {
    assertOneLine(run(Map.of("REGIE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/regie", "REGIE_DB_USER", "postgres")),
        "regie: configuration: authentication: set REGIE_JWT_SECRET");
  }

  @Test
  void aSecretTooShortToSign() throws Exception {
    assertOneLine(run(Map.of("REGIE_JWT_SECRET", "kort")), "regie: configuration: ");
  }

  @Test
  void anUnsupportedDatabase() throws Exception {
    assertOneLine(run(Map.of("REGIE_DB_URL", "jdbc:mysql://127.0.0.1/regie")), "regie: configuration: unsupported database URL");
  }

  @Test
  void aPortThatIsNotANumber() throws Exception {
    assertOneLine(run(Map.of("REGIE_HTTP_PORT", "achtduizend")), "regie: configuration: ");
  }

  @Test
  void aBrokenRulebook() throws Exception {
    Path folder = Files.createDirectories(dataDir.resolve("regelingen"));
    Files.writeString(folder.resolve("kapot.yaml"), "id: kapot\nnaam: Kapot\nproducten:\n  - {code: 02A02, naam: Begeleiding}\n");
    assertOneLine(run(Map.of("REGIE_REGELINGEN_DIR", folder.toString())),
        "regie: rulebook kapot.yaml: product 02A02: field segment: missing");
  }

  @Test
  void aBrokenRegisterOfAanbieders() throws Exception {
    Path folder = Files.createDirectories(dataDir.resolve("aanbieders"));
    Files.writeString(folder.resolve("bw-groningen.yaml"), "regeling: bw-groningen\naanbieders:\n  - {agb: \"1234567\", naam: X}\n");
    assertOneLine(run(Map.of("REGIE_AANBIEDERS_DIR", folder.toString())),
        "regie: aanbieders register bw-groningen.yaml: aanbieder #1: field agb: '1234567' is not an AGB code");
  }

  @Test
  void aPortThatIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertOneLine(run(Map.of("REGIE_HTTP_PORT", String.valueOf(taken.getLocalPort()))), "regie: cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }
}
