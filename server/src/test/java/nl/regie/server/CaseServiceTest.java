package nl.regie.server;

import static nl.regie.server.CaseLifecycleEndToEndTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

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
 * leaves no trace in the routing index, nor do the toewijzingnummers of a refused toewijzen. It
 * also hands the case what runs in the cliënt's other open cases, for stacking across cases.
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

  /**
   * Stacking across cases: a cliënt with two open cases at Goirle in wmo-begeleiding. The second
   * case may not assign another intensity of a resultaatgebied the first one runs (the refusal
   * names the first case), may assign vervoer because the first runs dagbesteding, but not another
   * intensity of that dagbesteding. A case at another gemeente is not looked at.
   */
  @Test
  void stackingIsCheckedAcrossTheClientsOpenCasesAtTheGemeente() throws Exception {
    String bsn = "999990019";
    String eerste = signedCase(bsn, "0785");
    String tweede = signedCase(bsn, "0785");
    String anderGemeente = signedCase(bsn, "0797");
    String toewijzing = "{\"beschiktOp\":\"2026-11-26\",\"toewijzingen\":[%s]}";
    String regel = "{\"product\":\"%s\",\"aanbieder\":\"12345678\",\"ingangsdatum\":\"2027-01-01\",\"einddatum\":\"2027-12-31\"%s}";
    String perDag = ",\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"1\"}";

    JsonNode eersteView = ok(client.post("/api/v1/cases/" + eerste + "/toewijzen",
        String.format(toewijzing, String.format(regel, "021A1", "") + "," + String.format(regel, "074A1", ""))));
    assertEquals(42, eersteView.at("/toewijzingen/0/omvang/volume").asInt(), "1A +: the gemiddelde 2.8 uur per 4 weken, per week");

    RegieClient.Response conflict = client.post("/api/v1/cases/" + tweede + "/toewijzen", String.format(toewijzing, String.format(regel, "021A2", "")));
    assertEquals(400, conflict.status(), conflict.body());
    assertTrue(conflict.body().contains("in case " + eerste), conflict.body());

    ok(client.post("/api/v1/cases/" + tweede + "/toewijzen", String.format(toewijzing, String.format(regel, "08V01", perDag))));

    RegieClient.Response dagbesteding = client.post("/api/v1/cases/" + tweede + "/toewijzen", String.format(toewijzing,
        String.format(regel.replace("2027-01-01", "2027-03-01"), "074A2", "")));
    assertEquals(400, dagbesteding.status(), dagbesteding.body());
    assertTrue(dagbesteding.body().contains("may not be combined with 074A1"), dagbesteding.body());

    // Another gemeente's case is not the same gemeente's: its toewijzingen do not stack with these.
    ok(client.post("/api/v1/cases/" + anderGemeente + "/toewijzen", String.format(toewijzing, String.format(regel, "021A2", ""))));
  }

  /** A case of wmo-begeleiding for {@code bsn} at {@code gemeente}, with its aanvraag in. */
  private static String signedCase(String bsn, String gemeente) throws Exception {
    String caseId = ok(client.post("/api/v1/cases", "{\"bsn\":\"" + bsn + "\",\"gemeente\":\"" + gemeente
        + "\",\"regeling\":\"wmo-begeleiding\",\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-20\"}")).get("caseId").asText();
    String path = "/api/v1/cases/" + caseId + "/";
    ok(client.post(path + "screening-starten", "{}"));
    ok(client.post(path + "screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + gemeente + "\"}"));
    ok(client.post(path + "onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-11-24\"}"));
    ok(client.post(path + "aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-11-25\"}"));
    return caseId;
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
