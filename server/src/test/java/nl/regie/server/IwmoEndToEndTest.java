package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Periode;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.xml.IwmoSchemas;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.server.testing.Aanbieder;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An aanbieder that speaks only iWmo XML over HTTP: it reads its WMO301, confirms it with a 302,
 * starts care (305, answered by 306), interrupts and resumes it, stops it (307, answered by 308)
 * and declares it (323, answered by 325). Every bericht Regie writes meets the schema; the case
 * follows; the audit trail links all.
 */
class IwmoEndToEndTest {

  static final LocalDate VANDAAG = LocalDate.parse("2026-11-26");
  static TestDatabase database;
  static RegieServer server;
  static RegieClient client;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(IwmoEndToEndTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of()));
    client = new RegieClient(server.httpAddress().getPort());
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  /** A case walked to toewijzen for {@code aanbieder}, with the cliënt data a WMO301 needs. */
  static String toegewezenCase(String aanbieder) {
    String caseId = client.post("/api/v1/cases", "{\"bsn\":\"999993653\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\","
        + "\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-09-01\",\"client\":{\"naam\":{\"achternaam\":\"Jansen\",\"voorletters\":\"P\"},"
        + "\"geboortedatum\":\"1960-03-01\",\"geslacht\":\"1\",\"adres\":{\"straatnaam\":\"Markt\",\"huisnummer\":1,"
        + "\"postcode\":\"5911AB\",\"plaatsnaam\":\"Venlo\"}}}").json().get("caseId").asText();
    String path = "/api/v1/cases/" + caseId + "/";
    client.post(path + "screening-starten", "{}");
    client.post(path + "screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"0983\"}");
    client.post(path + "onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-09-20\"}");
    client.post(path + "aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-09-25\"}");
    RegieClient.Response toegewezen = client.post(path + "toewijzen", "{\"beschiktOp\":\"2026-10-01\",\"toewijzingen\":[{\"product\":\"02A02\","
        + "\"aanbieder\":\"" + aanbieder + "\",\"ingangsdatum\":\"2026-10-05\",\"einddatum\":\"2027-10-04\","
        + "\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}");
    assertEquals(200, toegewezen.status(), toegewezen.body());
    return caseId;
  }

  static RegieClient.Response postXml(byte[] xml) {
    return client.post("/iwmo/v1/berichten", "application/xml", new String(xml, StandardCharsets.UTF_8));
  }

  /** The retour in a response: XML that meets its schema, of the soort that answers {@code heen}. */
  static Retourbericht retour(RegieClient.Response response, Berichtsoort soort) {
    assertEquals(200, response.status(), response.body());
    assertTrue(response.contentType().startsWith("application/xml"), response.contentType());
    byte[] xml = response.body().getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), IwmoSchemas.validate(soort, xml), "Regie writes schema-valid berichten");
    Retourbericht retour = (Retourbericht) IwmoXml.parse(xml);
    assertEquals(soort, retour.soort());
    return retour;
  }

  @Test
  void anAanbiederSpeaksOnlyIwmoXmlFromToewijzingToStop() {
    Aanbieder aanbieder = new Aanbieder("12345601");
    String caseId = toegewezenCase(aanbieder.agb());

    // The 301 is in the aanbieder's list, as soon as the outbox projection has delivered it.
    JsonNode lijst = Await.until(Duration.ofSeconds(20),
        () -> client.get("/iwmo/v1/berichten?aanbieder=" + aanbieder.agb()).json(), l -> l.get("items").size() == 1, "the WMO301");
    JsonNode item = lijst.get("items").get(0);
    assertEquals("WMO301", item.get("berichtsoort").asText());
    assertEquals(caseId, item.get("caseId").asText());
    assertTrue(client.get("/iwmo/v1/berichten?aanbieder=" + aanbieder.agb() + "&na=" + lijst.get("next").asText()).json().get("items").isEmpty(),
        "the cursor moves past what was read");
    RegieClient.Response fetched = client.send(HttpRequest.newBuilder(URI.create(base() + "/iwmo/v1/berichten/" + item.get("id").asLong()))
        .header("Accept", "application/xml").GET());
    byte[] wmo301Xml = fetched.body().getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), IwmoSchemas.validate(Berichtsoort.WMO301, wmo301Xml));
    Wmo301 wmo301 = Aanbieder.lees301(wmo301Xml);
    assertEquals("0983", wmo301.header().afzender());
    assertEquals(aanbieder.agb(), wmo301.header().ontvanger());
    assertEquals("999993653", wmo301.client().bsn());
    assertEquals("02A02", wmo301.client().toegewezenProducten().get(0).product().code());

    // 302: recorded, meets D8.
    RegieClient.Response wmo302 = postXml(aanbieder.wmo302(wmo301, VANDAAG));
    assertEquals(200, wmo302.status(), wmo302.body());
    assertEquals("VERWERKT", wmo302.json().get("status").asText());
    assertEquals("MET", deadline(caseId, "D8").get("status").asText());

    // 305 → 306: care started.
    assertEquals(List.of(), retour(postXml(aanbieder.wmo305(wmo301, VANDAAG, LocalDate.parse("2026-10-06"), StatusAanlevering.EERSTE_AANLEVERING)),
        Berichtsoort.WMO306).retourcodes().afgekeurd().stream().toList());
    assertEquals("ZORG", view(caseId).get("fase").asText());
    assertEquals("GESTART", view(caseId).at("/toewijzingen/0/status").asText());

    // 307 reden 20 → 308: interrupted; 305 → 306: resumed.
    retour(postXml(aanbieder.wmo307(wmo301, VANDAAG, LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-20"),
        RedenBeeindiging.TIJDELIJK, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO308);
    assertEquals("ONDERBROKEN", view(caseId).at("/toewijzingen/0/status").asText());
    retour(postXml(aanbieder.wmo305(wmo301, VANDAAG, LocalDate.parse("2026-11-02"), StatusAanlevering.EERSTE_AANLEVERING)),
        Berichtsoort.WMO306);
    assertEquals("GESTART", view(caseId).at("/toewijzingen/0/status").asText());

    // 307 definitive → 308: stopped; the case ends.
    Retourbericht wmo308 = retour(postXml(aanbieder.wmo307(wmo301, VANDAAG, LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-20"),
        RedenBeeindiging.VOLGENS_PLAN, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO308);
    assertTrue(wmo308.heenIsGoedgekeurd());
    JsonNode eind = view(caseId);
    assertEquals("STOP", eind.get("fase").asText());

    // 323 → 325: October declared; granted, since care started under the toewijzing.
    RegieClient.Response declaratie = postXml(aanbieder.wmo323(wmo301, VANDAAG, "DNE2E1",
        new Periode(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")),
        new Periode(LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-31")), 1, 150_000));
    assertEquals(200, declaratie.status(), declaratie.body());
    byte[] wmo325 = declaratie.body().getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), IwmoSchemas.validate(Berichtsoort.WMO325, wmo325));
    Retourbericht antwoord = (Retourbericht) IwmoXml.parse(wmo325);
    assertEquals(Berichtsoort.WMO325, antwoord.soort());
    assertTrue(antwoord.heenIsGoedgekeurd(), "every prestatie granted");
    assertEquals("MET", deadline(caseId, "D17").get("status").asText(), "the 325 went out the same day");

    // The case history links each bericht, which the audit trail gives back verbatim.
    List<String> links = StreamSupport.stream(view(caseId).get("history").spliterator(), false)
        .map(h -> h.at("/details/bericht").asText()).filter(l -> !l.isEmpty()).distinct().toList();
    assertTrue(links.size() >= 6, "302, two 305s, two 307s, 323: " + links);
    for (String link : links) {
      RegieClient.Response stored = client.send(HttpRequest.newBuilder(URI.create(base() + link)).header("Accept", "application/xml").GET());
      assertEquals(200, stored.status());
      assertNotNull(IwmoXml.parse(stored.body().getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void statefulRulesAnswerWithTheirRetourcodes() {
    Aanbieder aanbieder = new Aanbieder("12345602");
    String caseId = toegewezenCase(aanbieder.agb());
    Wmo301 wmo301 = Aanbieder.lees301(first301(aanbieder));
    LocalDate begin = LocalDate.parse("2026-10-06");

    assertEquals(List.of("9063"), codes(postXml(aanbieder.wmo305(wmo301, VANDAAG, begin, StatusAanlevering.VERWIJDEREN_AANLEVERING)), Berichtsoort.WMO306));
    assertEquals(List.of("9019"), codes(postXml(aanbieder.wmo307(wmo301, VANDAAG, begin, LocalDate.parse("2026-10-10"),
        RedenBeeindiging.VOLGENS_PLAN, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO308), "a stop without a start");
    assertEquals(List.of(), codes(postXml(aanbieder.wmo305(wmo301, VANDAAG, begin, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO306));
    assertEquals(List.of("9074"), codes(postXml(aanbieder.wmo305(wmo301, VANDAAG, begin, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO306));
    assertEquals(List.of("9326"), codes(postXml(aanbieder.wmo305(wmo301, VANDAAG, begin.plusDays(3), StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO306));
    assertEquals(List.of(), codes(postXml(aanbieder.wmo307(wmo301, VANDAAG, begin, LocalDate.parse("2026-10-10"),
        RedenBeeindiging.VOLGENS_PLAN, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO308));
    assertEquals(List.of("9071"), codes(postXml(aanbieder.wmo305(wmo301, VANDAAG, begin, StatusAanlevering.VERWIJDEREN_AANLEVERING)), Berichtsoort.WMO306),
        "a start cannot be withdrawn after its stop");
    assertEquals("STOP", view(caseId).get("fase").asText());

    Aanbieder ander = new Aanbieder("87650000");
    assertEquals(List.of("9019"), codes(postXml(ander.wmo305(wmo301, VANDAAG, begin.plusDays(20), StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO306),
        "another aanbieder cannot start this toewijzing");
  }

  /** After an interruption (reden 20) a definitive stop of the same start may follow, once (TR413, TR414, TR415); then a new start. */
  @Test
  void anInterruptionIsFollowedByADefinitiveStopOrANewStart() {
    Aanbieder aanbieder = new Aanbieder("12345605");
    String caseId = toegewezenCase(aanbieder.agb());
    Wmo301 wmo301 = Aanbieder.lees301(first301(aanbieder));
    LocalDate begin = LocalDate.parse("2026-10-06");
    assertEquals(List.of(), codes(postXml(aanbieder.wmo305(wmo301, VANDAAG, begin, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO306));
    assertEquals(List.of(), codes(postXml(aanbieder.wmo307(wmo301, VANDAAG, begin, LocalDate.parse("2026-10-20"),
        RedenBeeindiging.TIJDELIJK, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO308));
    assertEquals(List.of("9413"), codes(postXml(aanbieder.wmo307(wmo301, VANDAAG, begin, LocalDate.parse("2026-10-25"),
        RedenBeeindiging.TIJDELIJK, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO308), "a second interruption");
    assertEquals(List.of("9414"), codes(postXml(aanbieder.wmo307(wmo301, VANDAAG, begin, LocalDate.parse("2026-10-15"),
        RedenBeeindiging.VOLGENS_PLAN, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO308), "an end before the interruption");
    assertEquals(List.of(), codes(postXml(aanbieder.wmo307(wmo301, VANDAAG, begin, LocalDate.parse("2026-10-31"),
        RedenBeeindiging.VOLGENS_PLAN, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO308));
    assertEquals("STOP", view(caseId).get("fase").asText());
    assertEquals(List.of("9415"), codes(postXml(aanbieder.wmo307(wmo301, VANDAAG, begin, LocalDate.parse("2026-11-05"),
        RedenBeeindiging.VOLGENS_PLAN, StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO308), "nothing after a definitive stop");
    assertEquals(List.of("9326"), codes(postXml(aanbieder.wmo305(wmo301, VANDAAG, LocalDate.parse("2026-10-28"),
        StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO306), "a start while the last delivery was still current");
    assertEquals(List.of(), codes(postXml(aanbieder.wmo305(wmo301, VANDAAG, LocalDate.parse("2026-11-02"),
        StatusAanlevering.EERSTE_AANLEVERING)), Berichtsoort.WMO306), "a new start after any stop (TR326)");
    assertEquals("ZORG", view(caseId).get("fase").asText());
  }

  @Test
  void theSameBerichtTwiceGetsTheSameRetourAndChangesNothing() {
    Aanbieder aanbieder = new Aanbieder("12345603");
    String caseId = toegewezenCase(aanbieder.agb());
    Wmo301 wmo301 = Aanbieder.lees301(first301(aanbieder));
    byte[] start = aanbieder.wmo305(wmo301, "STRT-1", VANDAAG, LocalDate.parse("2026-10-06"), StatusAanlevering.EERSTE_AANLEVERING);
    RegieClient.Response first = postXml(start);
    long version = view(caseId).get("version").asLong();
    RegieClient.Response again = postXml(start);
    assertEquals(first.body(), again.body(), "the stored retour, byte for byte");
    assertEquals(version, view(caseId).get("version").asLong());

    byte[] other = aanbieder.wmo305(wmo301, "STRT-1", VANDAAG, LocalDate.parse("2026-10-07"), StatusAanlevering.EERSTE_AANLEVERING);
    Retourbericht rejected = retour(postXml(other), Berichtsoort.WMO306);
    assertTrue(rejected.retourcodes().perKlasse().values().stream().flatMap(List::stream).anyMatch(c -> c.code().equals("9056")));
    assertEquals(version, view(caseId).get("version").asLong(), "a reused Identificatie changes nothing");
  }

  @Test
  void jsonInJsonOutAndPerAccept() {
    Aanbieder aanbieder = new Aanbieder("12345604");
    String caseId = toegewezenCase(aanbieder.agb());
    Wmo301 wmo301 = Aanbieder.lees301(first301(aanbieder));
    byte[] xml = aanbieder.wmo305(wmo301, VANDAAG, LocalDate.parse("2026-10-06"), StatusAanlevering.EERSTE_AANLEVERING);
    String json = nl.regie.protocol.iwmo.json.IwmoJson.write(IwmoXml.parse(xml));
    RegieClient.Response answer = client.post("/iwmo/v1/berichten", "application/json", json);
    assertEquals(200, answer.status(), answer.body());
    assertEquals("application/json", answer.contentType());
    assertEquals("WMO306", answer.json().get("berichtsoort").asText());
    assertEquals("ZORG", view(caseId).get("fase").asText());

    byte[] stop = aanbieder.wmo307(wmo301, VANDAAG, LocalDate.parse("2026-10-06"), LocalDate.parse("2026-11-01"),
        RedenBeeindiging.VOLGENS_PLAN, StatusAanlevering.EERSTE_AANLEVERING);
    RegieClient.Response perAccept = client.send(HttpRequest.newBuilder(URI.create(base() + "/iwmo/v1/berichten"))
        .header("Content-Type", "application/xml").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(stop)));
    assertEquals("WMO308", perAccept.json().get("berichtsoort").asText());
  }

  @Test
  void brokenBerichtenAreRefusedWholeAndStoredForTheRecord() throws Exception {
    RegieClient.Response notXml = client.post("/iwmo/v1/berichten", "application/xml", "dit is geen xml");
    assertEquals(400, notXml.status());
    assertEquals("application/problem+json", notXml.contentType());
    assertTrue(notXml.json().get("title").asText().contains("0001"));
    String stored = notXml.json().get("instance").asText();
    assertEquals("dit is geen xml", client.get(stored).body());

    RegieClient.Response xxe = client.post("/iwmo/v1/berichten", "application/xml",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Bericht>&e;</Bericht>");
    assertEquals(400, xxe.status());
    assertTrue(!xxe.body().contains("root:"), "no file was read");

    assertEquals(415, client.post("/iwmo/v1/berichten", "text/plain", "<Bericht/>").status());
    assertEquals(413, statusOfAnnouncedBody(server.httpAddress().getPort(), 5L * 1024 * 1024));
    assertEquals(400, client.get("/iwmo/v1/berichten").status(), "the list needs the aanbieder");
    assertEquals(404, client.get("/iwmo/v1/berichten/999999").status());
  }

  /**
   * The status of a bericht POST that announces a body of {@code length} bytes, read before any of
   * the body is sent: the server refuses a body over its limit from its Content-Length, and closes
   * the connection; a client still writing the body could see that close before the answer.
   */
  static int statusOfAnnouncedBody(int port, long length) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      String head = "POST /iwmo/v1/berichten HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestTokens.everything()
          + "\r\nContent-Type: application/xml\r\nContent-Length: " + length + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  static List<String> codes(RegieClient.Response response, Berichtsoort soort) {
    return retour(response, soort).retourcodes().perKlasse().values().stream().flatMap(List::stream)
        .filter(c -> c.isAfkeur()).map(c -> c.code()).distinct().toList();
  }

  static byte[] first301(Aanbieder aanbieder) {
    JsonNode lijst = Await.until(Duration.ofSeconds(20),
        () -> client.get("/iwmo/v1/berichten?aanbieder=" + aanbieder.agb()).json(), l -> l.get("items").size() >= 1, "the WMO301");
    return client.send(HttpRequest.newBuilder(URI.create(base() + "/iwmo/v1/berichten/" + lijst.at("/items/0/id").asLong()))
        .header("Accept", "application/xml").GET()).body().getBytes(StandardCharsets.UTF_8);
  }

  static JsonNode view(String caseId) {
    return client.get("/api/v1/cases/" + caseId).json();
  }

  static JsonNode deadline(String caseId, String code) {
    return StreamSupport.stream(view(caseId).get("deadlines").spliterator(), false)
        .filter(d -> d.get("code").asText().equals(code)).findFirst().orElseThrow();
  }

  static String base() {
    return "http://127.0.0.1:" + server.httpAddress().getPort();
  }
}
