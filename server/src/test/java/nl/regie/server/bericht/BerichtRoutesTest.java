package nl.regie.server.bericht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.iwmo.Voorbeelden;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.server.RegieClient;
import nl.regie.server.RegieServer;
import nl.regie.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and malformed posts to {@code POST /iwmo/v1/berichten} of a real server: a DOCTYPE in
 * any form is a technical rejection (400) before anything in it is resolved or expanded, a body
 * over {@code regie.iwmo.max-body-size} is 413, anything but XML or JSON is 415, and every one of
 * them is problem+json. {@link BerichtIntakeFuzzTest} looks for what these miss.
 */
class BerichtRoutesTest {

  private static final String GEHEIM = "GEHEIM-5e1d7b";
  private static final String PAD = "/iwmo/v1/berichten";

  static TestDatabase database;
  static RegieServer server;
  static RegieClient client;

  @TempDir static Path map;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(BerichtRoutesTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of("regie.iwmo.max-body-size", "64k")));
    client = new RegieClient(server.httpAddress().getPort());
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  /** The official 305 with {@code doctype} before its root and {@code &e;} as the cliënt's Achternaam. */
  private static String metDoctype(String doctype) {
    return Voorbeelden.tekst(Berichtsoort.WMO305)
        .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype)
        .replace("<iwmo:Achternaam>Wit</iwmo:Achternaam>", "<iwmo:Achternaam>&e;</iwmo:Achternaam>");
  }

  private static void technischAfgekeurd(String xml) {
    RegieClient.Response response = client.post(PAD, "application/xml", xml);
    problem(response, 400);
    assertEquals("iwmo-technisch-afgekeurd", slug(response));
    assertTrue(response.body().contains("DOCTYPE"), response.body());
    assertFalse(response.body().contains(GEHEIM), "nothing of the file was read: " + response.body());
  }

  @Test
  void externalEntitiesAndDtdsAreNotResolved() throws IOException {
    Path geheim = Files.writeString(map.resolve("geheim.txt"), GEHEIM);
    Path dtd = Files.writeString(map.resolve("x.dtd"), "<!ENTITY e \"" + GEHEIM + "\">");
    technischAfgekeurd(metDoctype("<!DOCTYPE wmo305:Bericht [<!ENTITY e SYSTEM \"" + geheim.toUri() + "\">]>"));
    technischAfgekeurd(metDoctype("<!DOCTYPE wmo305:Bericht [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]>"));
    technischAfgekeurd(metDoctype("<!DOCTYPE wmo305:Bericht SYSTEM \"" + dtd.toUri() + "\">"));
  }

  @Test
  void entityExpansionIsRefusedBeforeItExpands() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE wmo305:Bericht [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 12; i++) dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    technischAfgekeurd(metDoctype(dtd.append("<!ENTITY e \"&l12;\">]>").toString()));
  }

  @Test
  void aBodyOverTheIwmoLimitIs413AndOneUnderItIsRead() {
    String commentaar = "<!--" + "x".repeat(64 * 1024) + "-->";
    RegieClient.Response teGroot = client.post(PAD, "application/xml", Voorbeelden.tekst(Berichtsoort.WMO305) + commentaar);
    problem(teGroot, 413);

    String past = Voorbeelden.tekst(Berichtsoort.WMO305) + "<!--" + "x".repeat(32 * 1024) + "-->";
    RegieClient.Response gelezen = client.post(PAD, "application/xml", past);
    assertNotEquals(413, gelezen.status(), gelezen.body());
    assertTrue(gelezen.status() < 500, gelezen.body());
  }

  @Test
  void onlyXmlAndJsonAreTaken() {
    for (String contentType : new String[] {"text/plain", "application/octet-stream", "application/x-www-form-urlencoded"}) {
      RegieClient.Response response = client.post(PAD, contentType, Voorbeelden.tekst(Berichtsoort.WMO305));
      problem(response, 415);
      assertTrue(response.json().get("detail").asText().contains("application/xml"), response.body());
    }
  }

  @Test
  void deeplyNestedJsonIsATechnicalRejection() {
    RegieClient.Response response = client.post(PAD, "application/json", "[".repeat(20_000) + "]".repeat(20_000));
    problem(response, 400);
    assertEquals("iwmo-technisch-afgekeurd", slug(response));
  }

  /** Found by the fuzz test: the second one was stored under the Identificatie of the first and failed (503). */
  @Test
  void aBerichtRegieDoesNotTakeIsRefusedEachTimeItComes() {
    for (int i = 0; i < 2; i++) {
      RegieClient.Response response = client.post(PAD, "application/xml", Voorbeelden.tekst(Berichtsoort.WMO301));
      problem(response, 422);
      assertEquals("iwmo-berichtsoort", slug(response));
    }
  }

  private static void problem(RegieClient.Response response, int status) {
    assertEquals(status, response.status(), response.body());
    assertEquals("application/problem+json", response.contentType());
    assertEquals(status, response.json().get("status").asInt());
  }

  private static String slug(RegieClient.Response response) {
    String type = response.json().get("type").asText();
    return type.substring(type.lastIndexOf('/') + 1);
  }
}
