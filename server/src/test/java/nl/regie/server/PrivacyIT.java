package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.regie.server.access.DevelopmentMode;
import nl.regie.server.testing.Acknowledged;
import nl.regie.server.testing.ServerProcess;
import nl.regie.server.testing.TestTokens;
import nl.regie.server.testing.Traffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server as a newcomer starts it (embedded database, no authentication configured:
 * development mode) and with every logger at DEBUG: whole case lives with iWmo berichten, alerts
 * and a moving clock, bad requests that carry the BSN in their path, query and body. Not one log
 * line holds the BSN.
 */
class PrivacyIT {

  static final String BSN = "999993653";

  // Kept when the test fails, with the server's log in it.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dataDir;

  @Test
  void noLogLineHoldsABsnAtAnyLevel() throws Exception {
    int port = ServerProcess.freePort();
    Path log = dataDir.resolve("server.log");
    Map<String, String> env = Map.of("REGIE_DATA_DIR", dataDir.toString(), "REGIE_JWT_SECRET", "", "REGIE_LOG_LEVEL", "DEBUG",
        "REGIE_CLOCK", "virtual", "REGIE_CLOCK_START", "2026-12-01T09:00:00+01:00", "REGIE_ASK_TIMEOUT", "20s");
    try (ServerProcess server = ServerProcess.startPackaged(port, env, log)) {
      // Development mode: a token per role, written where the README says.
      for (String role : List.of("toegang", "backoffice", "supervisor", "aanbieder", "admin")) {
        assertTrue(Files.isRegularFile(dataDir.resolve("tokens").resolve(role + ".jwt")), role);
      }
      String admin = Files.readString(dataDir.resolve("tokens/admin.jwt")).trim();
      String toegang = Files.readString(dataDir.resolve("tokens/toegang.jwt")).trim();
      RegieClient client = new RegieClient(port).withToken(toegang);
      assertEquals(200, client.get("/api/v1/cases").status(), "a development token works");

      // The traffic's token, signed with this server's own development secret.
      Traffic traffic = Traffic.start(port, new Acknowledged(), 2, "P2D", TestTokens.everything(DevelopmentMode.secret(dataDir)));
      Thread.sleep(8_000);
      traffic.close();

      client.get("/api/v1/cases/" + BSN);
      client.get("/api/v1/cases?bsn=" + BSN);
      client.post("/api/v1/cases", "{\"bsn\":\"" + BSN + "\",\"gemeente\":\"9999\"}");
      client.post("/api/v1/cases", "{\"bsn\":" + BSN + ",");
      new RegieClient(port).withToken(admin).post("/iwmo/v1/berichten", "application/xml", "<Bericht><Bsn>" + BSN + "</Bsn>");
      new RegieClient(port).withToken("not-a-token-" + BSN).get("/api/v1/cases");
    }
    List<String> lines = Files.readAllLines(log);
    assertTrue(lines.stream().anyMatch(l -> l.contains("DEVELOPMENT MODE")), "development mode is logged clearly");
    assertTrue(lines.stream().filter(l -> l.contains(" DEBUG ")).count() > 100, "the server logged at DEBUG");
    assertTrue(lines.stream().anyMatch(l -> l.contains("RequestLog") && l.contains("POST /iwmo/v1/berichten 200")),
        "request logs are on and the traffic reached the iWmo intake");
    assertEquals(List.of(), lines.stream().filter(l -> l.contains(BSN)).limit(5).toList());
  }
}
