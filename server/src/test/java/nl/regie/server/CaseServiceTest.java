package nl.regie.server;

import static nl.regie.server.CaseLifecycleEndToEndTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import nl.regie.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service seam keeps a claim only for a command the case accepts: a melding the case refuses
 * leaves no trace in the routing index, nor do the toewijzingnummers of a refused toewijzen.
 */
class CaseServiceTest {

  static TestDatabase database;
  static RegieServer server;
  static RegieClient client;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(CaseServiceTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of()));
    client = new RegieClient(server.httpAddress().getPort());
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  @Test
  void aRefusedMeldingIsNotIndexed() throws Exception {
    RegieClient.Response refused = client.post("/api/v1/cases", "{\"bsn\":\"111222333\",\"gemeente\":\"0983\",\"regeling\":\"wmo-elders\","
        + "\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-20\"}");
    assertEquals(400, refused.status(), refused.body());
    assertEquals(0, count("SELECT COUNT(*) FROM case_index WHERE bsn = ?", "111222333"));
  }

  @Test
  void aRefusedToewijzenGivesItsNumbersBack() throws Exception {
    String caseId = ok(client.post("/api/v1/cases", "{\"bsn\":\"999993653\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\","
        + "\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-20\"}")).get("caseId").asText();
    assertEquals(1, count("SELECT COUNT(*) FROM case_index WHERE case_id = ?", caseId));
    String path = "/api/v1/cases/" + caseId + "/";
    ok(client.post(path + "screening-starten", "{}"));
    ok(client.post(path + "screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"0983\"}"));
    ok(client.post(path + "onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-11-24\"}"));
    ok(client.post(path + "aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-11-25\"}"));
    String toewijzing = "{\"beschiktOp\":\"2026-11-26\",\"toewijzingen\":[{\"product\":\"%s\",\"aanbieder\":\"12345678\","
        + "\"ingangsdatum\":\"2026-12-01\",\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}";

    assertEquals(400, client.post(path + "toewijzen", String.format(toewijzing, "99Z99")).status());
    assertEquals(0, count("SELECT COUNT(*) FROM toewijzing_index WHERE case_id = ?", caseId), "the refused toewijzing's number is given back");

    long nummer = ok(client.post(path + "toewijzen", String.format(toewijzing, "02A02"))).at("/toewijzingen/0/toewijzingNummer").asLong();
    assertEquals(1, count("SELECT COUNT(*) FROM toewijzing_index WHERE case_id = ? AND nummer = " + nummer, caseId));
  }

  private static long count(String sql, String parameter) throws Exception {
    try (Connection c = DriverManager.getConnection(database.settings().url(), database.settings().user(), database.settings().password());
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
