package nl.regie.server;

import static nl.regie.server.CaseLifecycleEndToEndTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import nl.regie.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A snapshot in a shape this version cannot read (the case state before it kept its events, a
 * committed sample) is passed over: the case replays its events from the first and answers as
 * before, on a real server and journal.
 */
class OldSnapshotTest {

  static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create(OldSnapshotTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  static RegieServer start() {
    return RegieServer.start(TestServers.config(database.settings(), Map.of("regie.cases.snapshot-every", 2)));
  }

  @Test
  void aCaseWhoseSnapshotCannotBeReadReplaysItsEvents() throws Exception {
    String caseId;
    JsonNode before;
    try (RegieServer server = start()) {
      RegieClient client = new RegieClient(server.httpAddress().getPort());
      caseId = ok(client.post("/api/v1/cases", "{\"bsn\":\"999993653\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\","
          + "\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-20\"}")).get("caseId").asText();
      ok(client.post("/api/v1/cases/" + caseId + "/screening-starten", "{}"));
      before = ok(client.post("/api/v1/cases/" + caseId + "/screening-afronden",
          "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"0983\"}"));
    }

    int replaced;
    try (Connection c = DriverManager.getConnection(database.settings().url(), database.settings().user(), database.settings().password());
        // Plain JSON, as snapshots were written then (jackson-json, 31).
        PreparedStatement update = c.prepareStatement(
            "UPDATE snapshot SET snapshot_payload = ?, snapshot_ser_id = 31 WHERE persistence_id = ?");
        InputStream old = OldSnapshotTest.class.getResourceAsStream("/state/v1/CaseState.json")) {
      update.setBytes(1, old.readAllBytes());
      update.setString(2, "Case|" + caseId);
      replaced = update.executeUpdate();
    }
    assertTrue(replaced > 0, "the case had a snapshot to replace");

    try (RegieServer server = start()) {
      JsonNode after = ok(new RegieClient(server.httpAddress().getPort()).get("/api/v1/cases/" + caseId));
      assertEquals(before, after, "the same case, rebuilt from its events");
    }
  }
}
