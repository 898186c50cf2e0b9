package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.xml.IwmoSchemas;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.server.testing.Aanbieder;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 004 §2.2 over HTTP, against the shipped example register of bw-groningen: the backoffice cannot
 * assign to an onderaannemer; an onderaannemer's WMO305 on its hoofdaanbieder's toewijzing gets
 * 9019 with a toelichting naming the hoofdaanbieder, the hoofdaanbieder's own is accepted; and the
 * onderaannemer does not see the hoofdaanbieder's case.
 */
class OnderaannemersEndToEndTest {

  static final LocalDate VANDAAG = LocalDate.parse("2026-11-26");
  static final Aanbieder HOOFDAANBIEDER = new Aanbieder("99990001");
  static final Aanbieder ONDERAANNEMER = new Aanbieder("99990101");
  static TestDatabase database;
  static RegieServer server;
  static RegieClient client;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(OnderaannemersEndToEndTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of()));
    client = new RegieClient(server.httpAddress().getPort());
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  /** A bw-groningen case with its aanvraag; its path ends in a slash. */
  static String aanvraag(String bsn) {
    String caseId = client.post("/api/v1/cases", "{\"bsn\":\"" + bsn + "\",\"gemeente\":\"0983\",\"regeling\":\"bw-groningen\","
        + "\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-09-01\",\"client\":{\"naam\":{\"achternaam\":\"Jansen\",\"voorletters\":\"P\"},"
        + "\"geboortedatum\":\"1960-03-01\",\"geslacht\":\"1\",\"adres\":{\"straatnaam\":\"Markt\",\"huisnummer\":1,"
        + "\"postcode\":\"5911AB\",\"plaatsnaam\":\"Venlo\"}}}").json().get("caseId").asText();
    String path = "/api/v1/cases/" + caseId + "/";
    client.post(path + "screening-starten", "{}");
    client.post(path + "screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"0983\"}");
    client.post(path + "onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-09-20\"}");
    client.post(path + "aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-09-25\"}");
    return path;
  }

  static RegieClient.Response toewijzen(String path, String aanbieder) {
    return client.post(path + "toewijzen", "{\"beschiktOp\":\"2026-10-01\",\"toewijzingen\":[{\"product\":\"15A76\","
        + "\"aanbieder\":\"" + aanbieder + "\",\"ingangsdatum\":\"2026-10-05\",\"einddatum\":\"2027-10-04\","
        + "\"omvang\":{\"volume\":2,\"eenheid\":\"04\",\"frequentie\":\"2\"}}]}");
  }

  static Wmo301 wmo301(String agb) {
    JsonNode lijst = Await.until(Duration.ofSeconds(20),
        () -> client.get("/iwmo/v1/berichten?aanbieder=" + agb).json(), l -> l.get("items").size() == 1, "the WMO301");
    RegieClient.Response fetched = client.get("/iwmo/v1/berichten/" + lijst.at("/items/0/id").asLong(), "application/xml");
    return Aanbieder.lees301(fetched.body().getBytes(StandardCharsets.UTF_8));
  }

  /** {@code xml} posted by {@code agb} itself, with its own token. */
  static RegieClient.Response post(String agb, byte[] xml) {
    return client.withToken(TestTokens.aanbieder(agb)).post("/iwmo/v1/berichten", "application/xml", new String(xml, StandardCharsets.UTF_8));
  }

  static Retourbericht wmo306(RegieClient.Response response) {
    assertEquals(200, response.status(), response.body());
    byte[] xml = response.body().getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), IwmoSchemas.validate(Berichtsoort.WMO306, xml));
    return (Retourbericht) IwmoXml.parse(xml);
  }

  @Test
  void theBackofficeAssignsToTheHoofdaanbiederNotToItsOnderaannemer() {
    String path = aanvraag("999993653");
    RegieClient.Response refused = toewijzen(path, ONDERAANNEMER.agb());
    assertEquals(400, refused.status(), refused.body());
    String errors = refused.json().get("errors").toString();
    assertTrue(errors.contains("99990101 is in regeling bw-groningen an onderaannemer only"), errors);
    assertTrue(errors.contains("99990001 (Voorbeeld Hoofdaanbieder Stad (voorbeeld))"), errors);
    assertEquals(200, toewijzen(path, HOOFDAANBIEDER.agb()).status());
  }

  @Test
  void onlyTheHoofdaanbiederSendsTheStartOfCareItsOnderaannemerDelivers() {
    String path = aanvraag("999990019");
    assertEquals(200, toewijzen(path, HOOFDAANBIEDER.agb()).status());
    Wmo301 wmo301 = wmo301(HOOFDAANBIEDER.agb());

    // The onderaannemer started the care and sends the 305 itself: 9019 (TR019), the toewijzing is not its.
    RegieClient.Response byOnderaannemer = post(ONDERAANNEMER.agb(),
        ONDERAANNEMER.wmo305(wmo301, VANDAAG, LocalDate.parse("2026-10-06"), StatusAanlevering.EERSTE_AANLEVERING));
    Retourbericht rejected = wmo306(byOnderaannemer);
    assertEquals(List.of(Retourcode.R9019.code()), rejected.retourcodes().van(Wmo305.startProduct(0)).stream().map(Retourcode::code).toList());
    String toelichting = byOnderaannemer.header("Regie-Toelichting");
    assertTrue(toelichting.contains("AGB 99990101 is in regeling bw-groningen an onderaannemer of 99990001"), toelichting);
    assertTrue(toelichting.contains("go through the hoofdaanbieder"), toelichting);
    assertEquals("TOEGEWEZEN", client.get(path.substring(0, path.length() - 1)).json().at("/toewijzingen/0/status").asText());

    // 001: "als de zorg gestart is door een onderaannemer, moet de hoofdaannemer het start-zorgbericht sturen".
    RegieClient.Response byHoofdaanbieder = post(HOOFDAANBIEDER.agb(),
        HOOFDAANBIEDER.wmo305(wmo301, VANDAAG, LocalDate.parse("2026-10-06"), StatusAanlevering.EERSTE_AANLEVERING));
    assertTrue(wmo306(byHoofdaanbieder).heenIsGoedgekeurd());
    assertNull(byHoofdaanbieder.header("Regie-Toelichting"));
    assertEquals("GESTART", client.get(path.substring(0, path.length() - 1)).json().at("/toewijzingen/0/status").asText());

    // The onderaannemer does not see its hoofdaanbieder's case: for it, the case does not exist.
    RegieClient onderaannemer = client.withToken(TestTokens.aanbieder(ONDERAANNEMER.agb()));
    assertEquals(404, onderaannemer.get(path.substring(0, path.length() - 1)).status());
    assertEquals(200, client.withToken(TestTokens.aanbieder(HOOFDAANBIEDER.agb())).get(path.substring(0, path.length() - 1)).status());
  }
}
