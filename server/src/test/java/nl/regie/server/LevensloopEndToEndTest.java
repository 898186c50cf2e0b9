package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.xml.IwmoSchemas;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.server.access.Role;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Seed 004 (Beschermd Wonen regio Groningen) from melding to the end of care over HTTP on the real
 * server, as the toegang, the backoffice and the aanbieders of two gemeenten do it under the virtual
 * clock: Thuis Plus assigned and started, a verlenging asked for in time (D19) and granted, a
 * wisseling van aanbieder, a verhuizing to another gemeente that takes the case over and assigns
 * anew from the verhuisdatum, and an overlijden. Every WMO301 written on the way is valid iWmo 3.2
 * and says what changed; the case stops when the last care has stopped. The tests share one server
 * and its virtual clock, which only moves forward: they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LevensloopEndToEndTest {

  static final String GRONINGEN = "0014";
  static final String STADSKANAAL = "0037";
  static final String EERSTE = "12345678";
  static final String TWEEDE = "87654321";
  static final String THUIS_PLUS = "{\"volume\":2,\"eenheid\":\"04\",\"frequentie\":\"2\"}";

  static TestDatabase database;
  static RegieServer server;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(LevensloopEndToEndTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of()));
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  @Test
  @Order(2)
  void seed004FromMeldingToTheEndOfCare() {
    RegieClient toegang = as(TestTokens.of(Role.TOEGANG, GRONINGEN));
    RegieClient backoffice = as(TestTokens.of(Role.BACKOFFICE, GRONINGEN));
    RegieClient toegangOntvangend = as(TestTokens.of(Role.TOEGANG, STADSKANAAL));
    RegieClient backofficeOntvangend = as(TestTokens.of(Role.BACKOFFICE, STADSKANAAL));
    RegieClient eerste = as(TestTokens.aanbieder(EERSTE));
    RegieClient tweede = as(TestTokens.aanbieder(TWEEDE));
    RegieClient admin = as(TestTokens.admin());

    // Melding to beschikking (the virtual clock stands on 26 November 2026).
    String caseId = ok(toegang.post("/api/v1/cases", CaseWalk.meldingBody(GRONINGEN).replace("wmo-noord-limburg", "bw-groningen")
        .replace("2026-09-01", "2026-11-20")), 201).get("caseId").asText();
    ok(toegang.post(CaseWalk.path(caseId, "screening-starten"), "{}"));
    ok(toegang.post(CaseWalk.path(caseId, "screening-afronden"), "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + GRONINGEN + "\"}"));
    ok(toegang.post(CaseWalk.path(caseId, "onderzoek-afronden"), "{\"verslagVerstuurdOp\":\"2026-11-24\"}"));
    ok(toegang.post(CaseWalk.path(caseId, "aanvraag-ontvangen"), "{\"ondertekendOp\":\"2026-11-25\"}"));
    JsonNode view = ok(backoffice.post(CaseWalk.path(caseId, "toewijzen"), "{\"beschiktOp\":\"2026-11-26\",\"toewijzingen\":[{\"product\":\"15A76\","
        + "\"aanbieder\":\"" + EERSTE + "\",\"ingangsdatum\":\"2026-12-01\",\"einddatum\":\"2027-05-31\",\"omvang\":" + THUIS_PLUS + "}]}"));
    long eersteToewijzing = view.at("/toewijzingen/0/toewijzingNummer").asLong();
    ok(eerste.post(CaseWalk.path(caseId, "zorg-gestart"), "{\"toewijzingNummer\":" + eersteToewijzing + ",\"begindatum\":\"2026-12-01\"}"));

    // Verlenging (004:393-399): asked for more than eight weeks before the einddatum, then granted (reden 04).
    ok(admin.post("/admin/v1/clock", "{\"set\":\"2027-03-20T10:00:00+01:00\"}"));
    ok(eerste.post(CaseWalk.path(caseId, "verlenging-aangevraagd"), "{\"op\":\"2027-03-20\",\"toewijzingNummer\":" + eersteToewijzing + "}"));
    assertEquals("MET", deadline(backoffice, caseId, "D19").get("status").asText());
    ok(backoffice.post(CaseWalk.path(caseId, "toewijzing-wijzigen"),
        "{\"toewijzingNummer\":" + eersteToewijzing + ",\"einddatum\":\"2027-11-30\",\"reden\":\"04\"}"));

    // Wisseling van aanbieder (004 §5.7): the first ends on 31 March, the second takes over on 1 April.
    view = ok(backoffice.post(CaseWalk.path(caseId, "aanbieder-wisselen"),
        "{\"toewijzingNummer\":" + eersteToewijzing + ",\"aanbieder\":\"" + TWEEDE + "\",\"per\":\"2027-04-01\"}"));
    long tweedeToewijzing = view.at("/toewijzingen/1/toewijzingNummer").asLong();
    ok(eerste.post(CaseWalk.path(caseId, "zorg-gestopt"), "{\"toewijzingNummer\":" + eersteToewijzing + ",\"einddatum\":\"2027-03-31\",\"reden\":\"38\"}"));
    ok(tweede.post(CaseWalk.path(caseId, "zorg-gestart"), "{\"toewijzingNummer\":" + tweedeToewijzing + ",\"begindatum\":\"2027-04-01\"}"));

    // Verhuizing (004 werkwijze B): Groningen asks Stadskanaal, which reacts, checks and takes over.
    ok(toegang.post(CaseWalk.path(caseId, "verhuizing-melden"), "{\"naar\":\"" + STADSKANAAL + "\",\"verhuisdatum\":\"2027-05-01\"}"));
    assertEquals("toegang:" + STADSKANAAL, deadline(toegangOntvangend, caseId, "D23").get("responsible").asText());
    ok(toegangOntvangend.post(CaseWalk.path(caseId, "verhuizing-beantwoord"), "{\"op\":\"2027-03-20\"}"));
    view = ok(backofficeOntvangend.post(CaseWalk.path(caseId, "verhuizing-overdragen"), "{}"));
    assertEquals(STADSKANAAL, view.get("gemeente").asText());
    assertEquals("backoffice", view.get("aanZet").asText());
    assertEquals("MET", deadline(backofficeOntvangend, caseId, "D23b").get("status").asText());
    view = ok(backofficeOntvangend.post(CaseWalk.path(caseId, "toewijzen"), "{\"beschiktOp\":\"2027-03-23\",\"toewijzingen\":[{\"product\":\"15A76\","
        + "\"aanbieder\":\"" + TWEEDE + "\",\"ingangsdatum\":\"2027-05-01\",\"einddatum\":\"2027-11-30\",\"omvang\":" + THUIS_PLUS + "}]}"));
    long derdeToewijzing = view.at("/toewijzingen/2/toewijzingNummer").asLong();
    assertEquals(200, toegang.get("/api/v1/cases/" + caseId).status(), "the latende gemeente keeps its part of the story");
    ok(admin.post("/admin/v1/clock", "{\"set\":\"2027-05-03T10:00:00+02:00\"}"));
    ok(tweede.post(CaseWalk.path(caseId, "zorg-gestopt"), "{\"toewijzingNummer\":" + tweedeToewijzing + ",\"einddatum\":\"2027-04-30\",\"reden\":\"31\"}"));
    ok(tweede.post(CaseWalk.path(caseId, "zorg-gestart"), "{\"toewijzingNummer\":" + derdeToewijzing + ",\"begindatum\":\"2027-05-01\"}"));

    // Overlijden (004 §5.8): every toewijzing ends on the date of death; the last care stops with it.
    ok(admin.post("/admin/v1/clock", "{\"set\":\"2027-07-08T10:00:00+02:00\"}"));
    ok(backofficeOntvangend.post(CaseWalk.path(caseId, "overlijden"), "{\"datum\":\"2027-07-05\"}"));
    view = ok(tweede.post(CaseWalk.path(caseId, "zorg-gestopt"), "{\"toewijzingNummer\":" + derdeToewijzing + ",\"einddatum\":\"2027-07-05\",\"reden\":\"02\"}"));
    assertEquals("STOP", view.get("fase").asText());

    // What the aanbieders received: valid WMO301s that say what changed, each from the gemeente of its toewijzingen.
    List<Wmo301> aanEerste = outbox(eerste, EERSTE, caseId, 3);
    assertEquals(RedenWijziging.VERLENGING, product(aanEerste.get(1), eersteToewijzing).redenWijziging());
    Wmo301.ToegewezenProduct gewisseld = product(aanEerste.get(2), eersteToewijzing);
    assertEquals(List.of("2027-03-31", "09"), List.of(gewisseld.einddatum().toString(), gewisseld.redenWijziging().code()));
    List<Wmo301> aanTweede = outbox(tweede, TWEEDE, caseId, 4);
    assertEquals("2027-04-01", product(aanTweede.get(0), tweedeToewijzing).ingangsdatum().toString());
    Wmo301 verhuisd = aanTweede.get(1);
    assertEquals(GRONINGEN, verhuisd.header().afzender());
    assertEquals(List.of("2027-04-30", "07"), List.of(product(verhuisd, tweedeToewijzing).einddatum().toString(),
        product(verhuisd, tweedeToewijzing).redenWijziging().code()));
    assertEquals(STADSKANAAL, aanTweede.get(2).header().afzender());
    Wmo301.ToegewezenProduct overleden = product(aanTweede.get(3), derdeToewijzing);
    assertEquals(STADSKANAAL, aanTweede.get(3).header().afzender());
    assertEquals(List.of("2027-07-05", "02"), List.of(overleden.einddatum().toString(), overleden.redenWijziging().code()));

    JsonNode history = ok(backofficeOntvangend.get("/api/v1/cases/" + caseId)).get("history");
    List<String> types = new ArrayList<>();
    history.forEach(line -> types.add(line.get("type").asText()));
    for (String type : List.of("VERLENGING_AANGEVRAAGD", "TOEWIJZING_GEWIJZIGD", "VERHUIZING_GEMELD", "VERHUIZING_BEANTWOORD",
        "OVERGEDRAGEN", "OVERLEDEN", "TOEWIJZING_AFGELOPEN")) {
      assertTrue(types.contains(type), type + " in " + types);
    }
  }

  /**
   * 003 sends no WMO307 at the planned end: once the virtual clock passes the einddatum, Regie ends
   * the toewijzing and its care by itself and the case stops, without anyone touching the case (the
   * deadline index wakes it), and the work queue no longer lists it.
   */
  @Test
  @Order(1)
  void aToewijzingEndsByItselfAndTheCaseStops() {
    String gemeente = "0785";
    RegieClient toegang = as(TestTokens.of(Role.TOEGANG, gemeente));
    RegieClient backoffice = as(TestTokens.of(Role.BACKOFFICE, gemeente));
    RegieClient admin = as(TestTokens.admin());
    String caseId = ok(toegang.post("/api/v1/cases", CaseWalk.meldingBody(gemeente).replace("wmo-noord-limburg", "wmo-begeleiding")
        .replace("999993653", "999990007").replace("2026-09-01", "2026-11-20")), 201).get("caseId").asText();
    ok(toegang.post(CaseWalk.path(caseId, "screening-starten"), "{}"));
    ok(toegang.post(CaseWalk.path(caseId, "screening-afronden"), "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + gemeente + "\"}"));
    ok(toegang.post(CaseWalk.path(caseId, "onderzoek-afronden"), "{\"verslagVerstuurdOp\":\"2026-11-24\"}"));
    ok(toegang.post(CaseWalk.path(caseId, "aanvraag-ontvangen"), "{\"ondertekendOp\":\"2026-11-25\"}"));
    JsonNode view = ok(backoffice.post(CaseWalk.path(caseId, "toewijzen"), "{\"beschiktOp\":\"2026-11-26\",\"toewijzingen\":[{\"product\":\"021A1\","
        + "\"aanbieder\":\"" + EERSTE + "\",\"ingangsdatum\":\"2026-12-01\",\"einddatum\":\"2027-01-31\"}]}"));
    long nummer = view.at("/toewijzingen/0/toewijzingNummer").asLong();
    ok(as(TestTokens.aanbieder(EERSTE)).post(CaseWalk.path(caseId, "zorg-gestart"), "{\"toewijzingNummer\":" + nummer + ",\"begindatum\":\"2026-12-01\"}"));

    ok(admin.post("/admin/v1/clock", "{\"set\":\"2027-02-02T10:00:00+01:00\"}"));
    JsonNode stopped = Await.until(Duration.ofSeconds(30), () -> ok(backoffice.get("/api/v1/cases/" + caseId)), v -> v.get("fase").asText().equals("STOP"),
        "the case stopped by itself");
    assertEquals("2027-01-31", stopped.at("/toewijzingen/0/stopdatum").asText(stopped.toString()), stopped.toString());
    Await.until(Duration.ofSeconds(30), () -> ok(backoffice.get("/api/v1/werkvoorraad?gemeente=" + gemeente)).get("items"),
        items -> items.isEmpty(), "the stopped case out of the work queue");
  }

  /** The WMO301s of case {@code caseId} in {@code agb}'s outbox, oldest first, once there are {@code count}; each valid against the schema. */
  static List<Wmo301> outbox(RegieClient aanbieder, String agb, String caseId, int count) {
    List<JsonNode> items = Await.until(Duration.ofSeconds(30), () -> {
      List<JsonNode> ofCase = new ArrayList<>();
      ok(aanbieder.get("/iwmo/v1/berichten?aanbieder=" + agb)).get("items").forEach(i -> {
        if (i.get("caseId").asText().equals(caseId)) ofCase.add(i);
      });
      return ofCase;
    }, i -> i.size() == count, count + " WMO301s of the case to " + agb);
    List<Wmo301> berichten = new ArrayList<>();
    for (JsonNode item : items) {
      RegieClient.Response xml = aanbieder.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.httpAddress().getPort() + "/iwmo/v1/berichten/" + item.get("id").asLong()))
          .header("Accept", "application/xml").GET());
      byte[] bytes = xml.body().getBytes(StandardCharsets.UTF_8);
      assertEquals(List.of(), IwmoSchemas.validate(Berichtsoort.WMO301, bytes));
      berichten.add(IwmoXml.parse(bytes, Wmo301.class));
    }
    return berichten;
  }

  static Wmo301.ToegewezenProduct product(Wmo301 wmo301, long nummer) {
    return wmo301.client().toegewezenProducten().stream().filter(p -> p.toewijzingNummer() == nummer).findFirst()
        .orElseThrow(() -> new AssertionError("toewijzing " + nummer + " not in " + wmo301));
  }

  static JsonNode deadline(RegieClient client, String caseId, String code) {
    for (JsonNode d : ok(client.get("/api/v1/cases/" + caseId)).get("deadlines")) {
      if (d.get("code").asText().equals(code)) return d;
    }
    throw new AssertionError(code + " not in the case");
  }

  static RegieClient as(String token) {
    return new RegieClient(server.httpAddress().getPort()).withToken(token);
  }

  static JsonNode ok(RegieClient.Response response) {
    return ok(response, 200);
  }

  static JsonNode ok(RegieClient.Response response, int status) {
    assertEquals(status, response.status(), response.body());
    return response.json();
  }
}
