package nl.regie.server;

import static nl.regie.server.testing.Verzoekberichten.aangevraagd;
import static nl.regie.server.testing.Verzoekberichten.teWijzigen;
import static nl.regie.server.testing.Verzoekberichten.verzoek;
import static nl.regie.server.testing.Verzoekberichten.wmo315;
import static nl.regie.server.testing.Verzoekberichten.wmo317;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.regie.persistence.Database;
import nl.regie.persistence.RoutingIndex;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo316;
import nl.regie.protocol.iwmo.bericht.Wmo318;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.bericht.Wmo320;
import nl.regie.protocol.iwmo.bouw.Retouren;
import nl.regie.protocol.iwmo.bouw.Retourgegevens;
import nl.regie.protocol.iwmo.xml.IwmoSchemas;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.server.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verzoeken over HTTP on PostgreSQL, as an aanbieder and the gemeente use them: a WMO317 and its
 * 318, the gemeente's answer, the WMO319 read from the aanbieder's list and its WMO320; a WMO315
 * honoured by a toewijzing whose WMO301 carries the ReferentieAanbieder; a WMO315 for a cliënt
 * without a case. Every bericht Regie writes is held to its schema. The virtual clock stands on
 * Thursday 26 November 2026.
 */
class VerzoekenEndToEndTest {

  static final String AANBIEDER = "12345678";
  static final String GEMEENTE = "0983";
  static final LocalDate VANDAAG = LocalDate.parse("2026-11-26");

  static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create(VerzoekenEndToEndTest.class);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void aVowIsAnsweredInOnderzoekAndTheAanbiederReturnsTheWmo319() {
    try (RegieServer server = RegieServer.start(TestServers.config(database.settings(), Map.of()))) {
      RegieClient client = new RegieClient(server.httpAddress().getPort());
      String caseId = caseWithAanvraag(client, "999993653");
      String path = "/api/v1/cases/" + caseId;
      JsonNode toegewezen = ok(client.post(path + "/toewijzen", "{\"beschiktOp\":\"2026-11-26\",\"toewijzingen\":[{\"product\":\"02A02\","
          + "\"aanbieder\":\"" + AANBIEDER + "\",\"ingangsdatum\":\"2027-01-01\",\"einddatum\":\"2027-12-31\","
          + "\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}"));
      long nummer = toegewezen.at("/toewijzingen/0/toewijzingNummer").asLong();

      // A VOW that names a toewijzing the cliënt does not have is refused (TR350), and gives its reference back.
      byte[] wrong = IwmoXml.write(wmo317(AANBIEDER, GEMEENTE, "VOW0000", VANDAAG, "999993653", verzoek("VOW-1", List.of(999_999L),
          List.of(teWijzigen(nummer, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))), List.of())));
      Wmo318 tr350 = retour(client.post("/iwmo/v1/berichten", "application/xml", xml(wrong)), Berichtsoort.WMO318, Wmo318.class);
      assertEquals(List.of(Retourcode.R9350), tr350.retourcodes().van(Klassepad.valueOf("Client/Verzoek/OngewijzigdProduct[0]")));
      assertEquals(List.of(Retourcode.R0200), tr350.retourcodes().van(Klassepad.valueOf("Client/Verzoek")));

      // The aanbieder asks again, right: to run the toewijzing half a year longer, under the same reference.
      byte[] vow = IwmoXml.write(wmo317(AANBIEDER, GEMEENTE, "VOW0001", VANDAAG, "999993653",
          verzoek("VOW-1", List.of(), List.of(teWijzigen(nummer, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"))), List.of())));
      Wmo318 wmo318 = retour(client.post("/iwmo/v1/berichten", "application/xml", xml(vow)), Berichtsoort.WMO318, Wmo318.class);
      assertTrue(wmo318.retourcodes().isLeeg(), "accepted: the header only, " + wmo318);
      JsonNode view = ok(client.get(path));
      assertEquals("ONTVANGEN", view.at("/verzoeken/0/status").asText());
      assertEquals("te-wijzigen", view.at("/verzoeken/0/producten/0/soort").asText());
      assertEquals("MET", deadline(view, "D13").get("status").asText());
      assertEquals("OPEN", deadline(view, "D14").get("status").asText());

      // The same reference again, in another bericht: TR347, and TR374 as the first is in behandeling.
      byte[] again = IwmoXml.write(wmo317(AANBIEDER, GEMEENTE, "VOW0002", VANDAAG, "999993653",
          verzoek("VOW-1", List.of(), List.of(teWijzigen(nummer, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-03-31"))), List.of())));
      Wmo318 refused = retour(client.post("/iwmo/v1/berichten", "application/xml", xml(again)), Berichtsoort.WMO318, Wmo318.class);
      assertEquals(List.of(Retourcode.R9347, Retourcode.R9374), refused.retourcodes().van(Klassepad.valueOf("Client/Verzoek")));

      // The gemeente takes it into onderzoek: a WMO319 for the aanbieder.
      JsonNode beantwoord = ok(client.post(path + "/verzoek-beantwoorden",
          "{\"referentieAanbieder\":\"VOW-1\",\"antwoord\":\"in-onderzoek\"}"));
      assertEquals("IN_ONDERZOEK", beantwoord.at("/verzoeken/0/status").asText());
      assertEquals("MET", deadline(beantwoord, "D14").get("status").asText());
      assertEquals("OPEN", deadline(beantwoord, "D15").get("status").asText());
      RegieClient.Response twice = client.post(path + "/verzoek-beantwoorden", "{\"referentieAanbieder\":\"VOW-1\",\"antwoord\":\"in-onderzoek\"}");
      assertEquals(409, twice.status(), twice.body());
      assertTrue(twice.json().get("detail").asText().contains("9360"), twice.body());

      // The aanbieder finds it in its list, reads it as XML and returns it unchanged.
      long id = listed(client, caseId, "WMO319");
      Wmo319 wmo319 = fetched(client, id, Berichtsoort.WMO319, Wmo319.class);
      assertEquals("VOW-1", wmo319.antwoord().referentieAanbieder());
      Wmo320 wmo320 = Retouren.wmo320(wmo319, Retourcodes.GEEN, Retourgegevens.van("A320-1", VANDAAG));
      byte[] body = IwmoXml.write(wmo320);
      assertEquals(List.of(), IwmoSchemas.validate(Berichtsoort.WMO320, body));
      JsonNode ontvangen = ok(client.post("/iwmo/v1/berichten", "application/xml", xml(body)));
      assertEquals("VERWERKT", ontvangen.get("status").asText());
      JsonNode after = ok(client.get(path));
      assertEquals("MET", deadline(after, "D15").get("status").asText());
      assertTrue(StreamSupport.stream(after.get("history").spliterator(), false).anyMatch(h -> h.get("type").asText().equals("ANTWOORD_BEVESTIGD")));

      // A 320 that does not copy the 319 (another reference) is refused.
      Wmo319 anders = new Wmo319(wmo319.header(), new Wmo319.Antwoord("VOW-9", wmo319.antwoord().verzoekAntwoord(), null));
      RegieClient.Response wijktAf = client.post("/iwmo/v1/berichten", "application/xml", xml(IwmoXml.write(
          Retouren.wmo320(anders, Retourcodes.van(Klassepad.ANTWOORD, Retourcode.R9355), Retourgegevens.van("A320-2", VANDAAG)))));
      assertEquals(422, wijktAf.status(), wijktAf.body());
      assertEquals("iwmo-retour-wijkt-af", wijktAf.json().get("type").asText().replaceAll(".*/", ""), wijktAf.body());
    }
  }

  @Test
  void aVotIsHonouredByAToewijzingWhoseWmo301CarriesItsReference() {
    try (RegieServer server = RegieServer.start(TestServers.config(database.settings(), Map.of()))) {
      RegieClient client = new RegieClient(server.httpAddress().getPort());
      String caseId = caseWithAanvraag(client, "999990019");
      String path = "/api/v1/cases/" + caseId;

      byte[] vot = IwmoXml.write(wmo315(AANBIEDER, GEMEENTE, "VOT0001", VANDAAG, "999990019",
          aangevraagd("VOT-7", "02A02", LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"))));
      Wmo316 wmo316 = retour(client.post("/iwmo/v1/berichten", "application/xml", xml(vot)), Berichtsoort.WMO316, Wmo316.class);
      assertTrue(wmo316.retourcodes().isLeeg(), wmo316.toString());
      JsonNode view = ok(client.get(path));
      assertEquals("VOT-7", view.at("/verzoeken/0/referentieAanbieder").asText());
      assertEquals("OPEN", deadline(view, "D14a").get("status").asText());

      JsonNode honoured = ok(client.post(path + "/toewijzen", "{\"beschiktOp\":\"2026-11-26\",\"toewijzingen\":[{\"product\":\"02A02\","
          + "\"aanbieder\":\"" + AANBIEDER + "\",\"ingangsdatum\":\"2027-01-01\",\"einddatum\":\"2027-12-31\","
          + "\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"},\"referentieAanbieder\":\"VOT-7\"}]}"));
      assertEquals("GEHONOREERD", honoured.at("/verzoeken/0/status").asText());
      assertEquals("MET", deadline(honoured, "D14a").get("status").asText());
      long nummer = honoured.at("/toewijzingen/0/toewijzingNummer").asLong();

      Wmo301 wmo301 = fetched(client, listed(client, caseId, "WMO301"), Berichtsoort.WMO301, Wmo301.class);
      Wmo301.ToegewezenProduct product = wmo301.client().toegewezenProducten().get(0);
      assertEquals(nummer, product.toewijzingNummer());
      assertEquals("VOT-7", product.referentieAanbieder(), "TR379");

      // The reference is the aanbieder's for good, also for another cliënt (TR347).
      byte[] reused = IwmoXml.write(wmo315(AANBIEDER, GEMEENTE, "VOT0002", VANDAAG, "999990020",
          aangevraagd("VOT-7", "02A02", LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"))));
      Wmo316 refused = retour(client.post("/iwmo/v1/berichten", "application/xml", xml(reused)), Berichtsoort.WMO316, Wmo316.class);
      assertEquals(List.of(Retourcode.R9347), refused.retourcodes().van(Klassepad.valueOf("Client/AangevraagdProduct")));
      try (Database db = Database.connect(database.settings())) {
        assertEquals(List.of(), new RoutingIndex(db).casesOf("999990020"), "nothing to take in: no case is opened for it");
      }
    }
  }

  @Test
  void aVotForAClientWithoutACaseOpensOneThroughTheAanbieder() {
    try (RegieServer server = RegieServer.start(TestServers.config(database.settings(), Map.of()))) {
      RegieClient client = new RegieClient(server.httpAddress().getPort());
      byte[] vot = IwmoXml.write(wmo315(AANBIEDER, GEMEENTE, "VOT0100", VANDAAG, "999991772",
          aangevraagd("VOT-100", "01B04", LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"))));
      Wmo316 wmo316 = retour(client.post("/iwmo/v1/berichten", "application/xml", xml(vot)), Berichtsoort.WMO316, Wmo316.class);
      assertTrue(wmo316.retourcodes().isLeeg(), wmo316.toString());
      List<String> cases;
      try (Database db = Database.connect(database.settings())) {
        cases = new RoutingIndex(db).casesOf("999991772");
      }
      assertEquals(1, cases.size());
      JsonNode view = ok(client.get("/api/v1/cases/" + cases.get(0)));
      assertEquals("aanbieder", view.get("kanaal").asText());
      assertEquals("wmo-noord-limburg", view.get("regeling").asText(), "the only regeling with 01B04");
      assertEquals("MELDING", view.get("fase").asText());
      assertEquals("Jansen", view.at("/client/naam/achternaam").asText());
      assertEquals("ONTVANGEN", view.at("/verzoeken/0/status").asText());
      assertEquals("2026-12-03", deadline(view, "D14a").get("due").asText(), "the gemeente answers within 5 werkdagen");

      // Until it is onderzocht the gemeente can only reject it or take it into onderzoek.
      JsonNode rejected = ok(client.post("/api/v1/cases/" + cases.get(0) + "/verzoek-beantwoorden",
          "{\"referentieAanbieder\":\"VOT-100\",\"antwoord\":\"afgewezen\",\"reden\":\"5\"}"));
      assertEquals("AFGEWEZEN", rejected.at("/verzoeken/0/status").asText());
      assertEquals("5", rejected.at("/verzoeken/0/redenAfwijzing").asText());
      Wmo319 wmo319 = fetched(client, listed(client, cases.get(0), "WMO319"), Berichtsoort.WMO319, Wmo319.class);
      assertEquals("VOT-100", wmo319.antwoord().referentieAanbieder());
      assertEquals("5", wmo319.antwoord().redenAfwijzingVerzoek().code());
    }
  }

  /** A case of cliënt {@code bsn} that has its aanvraag and waits for a beschikking (an open beschikking). */
  static String caseWithAanvraag(RegieClient client, String bsn) {
    JsonNode created = ok(client.post("/api/v1/cases",
        "{\"bsn\":\"" + bsn + "\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-16\","
            + "\"client\":{\"naam\":{\"achternaam\":\"Jansen\",\"voorletters\":\"P\"},\"geboortedatum\":\"1960-03-01\",\"geslacht\":\"1\","
            + "\"adres\":{\"straatnaam\":\"Markt\",\"huisnummer\":1,\"postcode\":\"5911AB\",\"plaatsnaam\":\"Venlo\"}}}"));
    String path = "/api/v1/cases/" + created.get("caseId").asText() + "/";
    ok(client.post(path + "screening-starten", "{}"));
    ok(client.post(path + "screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"0983\"}"));
    ok(client.post(path + "onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-11-20\"}"));
    ok(client.post(path + "aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-11-24\"}"));
    return created.get("caseId").asText();
  }

  /** The retour Regie answered with: schema-valid XML of {@code soort}. */
  static <T extends Bericht> T retour(RegieClient.Response response, Berichtsoort soort, Class<T> type) {
    assertEquals(200, response.status(), response.body());
    assertTrue(response.contentType().startsWith("application/xml"), response.contentType());
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), IwmoSchemas.validate(soort, body), response.body());
    return IwmoXml.parse(body, type);
  }

  /** The id of the newest bericht of {@code soort} about case {@code caseId} in the aanbieder's list, once the outbox has it. */
  static long listed(RegieClient client, String caseId, String soort) {
    java.util.function.Predicate<JsonNode> wanted = i -> i.get("berichtsoort").asText().equals(soort) && i.get("caseId").asText().equals(caseId);
    JsonNode page = Await.until(Duration.ofSeconds(20), () -> ok(client.get("/iwmo/v1/berichten?aanbieder=" + AANBIEDER)),
        p -> StreamSupport.stream(p.get("items").spliterator(), false).anyMatch(wanted), "a " + soort + " for the aanbieder");
    return StreamSupport.stream(page.get("items").spliterator(), false).filter(wanted).reduce((a, b) -> b).orElseThrow().get("id").asLong();
  }

  /** A bericht from the outbox, fetched as XML and held to its schema. */
  static <T extends Bericht> T fetched(RegieClient client, long id, Berichtsoort soort, Class<T> type) {
    return retour(client.get("/iwmo/v1/berichten/" + id, "application/xml"), soort, type);
  }

  static JsonNode deadline(JsonNode view, String code) {
    return StreamSupport.stream(view.get("deadlines").spliterator(), false).filter(d -> d.get("code").asText().equals(code))
        .findFirst().orElseThrow(() -> new AssertionError("no " + code + " in " + view.get("deadlines")));
  }

  static String xml(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  static JsonNode ok(RegieClient.Response response) {
    assertTrue(response.status() == 200 || response.status() == 201, response.status() + " " + response.body());
    return response.json();
  }
}
