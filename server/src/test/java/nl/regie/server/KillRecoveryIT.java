package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.regie.persistence.TestDatabase;
import nl.regie.persistence.Vendor;
import nl.regie.server.testing.Acknowledged;
import nl.regie.server.testing.ServerProcess;
import nl.regie.server.testing.Traffic;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing acknowledged is ever lost, on either database: the packaged server, busy with cases,
 * iWmo berichten, alerts and a moving clock, is killed with SIGKILL at a random moment, round
 * after round; after each restart everything it confirmed to a client is there, and at the end no
 * deadline has alerted twice.
 */
class KillRecoveryIT {

  static final int ROUNDS = 4;

  // Kept when the test fails, with the server's log in it.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dataDir;

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Vendor.class)
  void killedAtRandomMomentsItLosesNothingItAcknowledged(Vendor vendor) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    TestDatabase database = vendor == Vendor.POSTGRESQL ? TestDatabase.create(KillRecoveryIT.class) : null;
    try {
      Map<String, String> env = env(database);
      int port = ServerProcess.freePort();
      Path log = dataDir.resolve("server.log");
      Acknowledged acknowledged = new Acknowledged();
      for (int round = 1; round <= ROUNDS; round++) {
        try (ServerProcess server = ServerProcess.startPackaged(port, env, log)) {
          assertEquals(List.of(), acknowledged.lostOn(new RegieClient(port)), "lost after kill " + (round - 1) + " (seed " + seed + ")");
          Traffic traffic = Traffic.start(port, acknowledged, 3, "P2D");
          Thread.sleep(1_500 + random.nextInt(3_000));
          server.kill();
          traffic.close();
        }
      }
      System.out.printf("%s: %d cases, %d retours, %d alerts acknowledged across %d kills%n",
          vendor, acknowledged.cases().size(), acknowledged.retours(), acknowledged.alerts(), ROUNDS);

      try (ServerProcess server = ServerProcess.startPackaged(port, env, log)) {
        RegieClient client = new RegieClient(port);
        assertEquals(List.of(), acknowledged.lostOn(client), "lost after the last kill (seed " + seed + ")");
        assertTrue(acknowledged.cases().size() >= 20 && acknowledged.retours() >= 5,
            "the rounds did real work: " + acknowledged.cases().size() + " cases, " + acknowledged.retours() + " retours");

        // Every D8 of the aanbieder that never answers escalates, once, however often the server died meanwhile.
        acknowledged.silentAanbiedersD8sEscalateOnce(client);
        for (String caseId : acknowledged.cases().keySet()) assertEquals(List.of(), alertedTwiceInHistory(client, caseId), caseId);
      }
    } finally {
      if (database != null) database.close();
    }
  }

  private Map<String, String> env(TestDatabase database) {
    Map<String, String> env = new HashMap<>();
    env.put("REGIE_DATA_DIR", dataDir.toString());
    env.put("REGIE_CLOCK", "virtual");
    env.put("REGIE_CLOCK_START", "2026-12-01T09:00:00+01:00");
    env.put("REGIE_ASK_TIMEOUT", "20s");
    // Snapshots are written too, and must survive as the journal does.
    env.put("REGIE_SNAPSHOT_EVERY", "4");
    if (database != null) {
      env.put("REGIE_DB_URL", database.settings().url());
      env.put("REGIE_DB_USER", database.settings().user());
    }
    return env;
  }

  /** Deadlines a case's own history shows alerted more than once at the same level. */
  private static List<String> alertedTwiceInHistory(RegieClient client, String caseId) {
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode entry : client.get("/api/v1/cases/" + caseId).json().get("history")) {
      String type = entry.get("type").asText();
      if (type.equals("DEADLINE_WARNING") || type.equals("DEADLINE_MISSED") || type.equals("DEADLINE_ESCALATED")) {
        counts.merge(type + " " + entry.get("details").get("code").asText() + " " + entry.get("details").get("responsible").asText()
            + " " + entry.get("details").get("due").asText(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
  }
}
