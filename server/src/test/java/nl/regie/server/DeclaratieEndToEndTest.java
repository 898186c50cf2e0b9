package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.Productcategorie;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.iwmo.bericht.Achternaam;
import nl.regie.protocol.iwmo.bericht.Bedrag;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Geboortedatum;
import nl.regie.protocol.iwmo.bericht.Header;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Periode;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.iwmo.bericht.ProductReferentie;
import nl.regie.protocol.iwmo.bericht.VerkorteNaam;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.bericht.Wmo325;
import nl.regie.protocol.iwmo.json.IwmoJson;
import nl.regie.protocol.iwmo.xml.IwmoSchemas;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WMO323 in, WMO325 out, over HTTP on PostgreSQL. A case is walked to its toewijzing over the v1
 * API (so that Regie writes its WMO301), care starts with a WMO305 posted like an aanbieder does,
 * and then declaraties come in as XML and as JSON: each answered at once with a WMO325 that meets
 * the schema, repeats only the rejected prestaties with their codes, and meets the case's D17. The
 * virtual clock stands on 26 November 2026; the toewijzing runs from 1 October.
 */
class DeclaratieEndToEndTest {

  static final String AANBIEDER = "12345678";
  static final String GEMEENTE = "0983";
  static final String BSN = "999993653";
  static final LocalDate VANDAAG = LocalDate.parse("2026-11-26");
  static final Periode OKTOBER = new Periode(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));
  static final long TARIEF = 6000;

  static TestDatabase database;
  static RegieServer server;
  static RegieClient client;
  static final AtomicInteger volgnummer = new AtomicInteger();

  @BeforeAll
  static void start() {
    database = TestDatabase.create(DeclaratieEndToEndTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of()));
    client = new RegieClient(server.httpAddress().getPort());
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  @Test
  void answersAnXmlDeclaratieWithItsWmo325TheSameTwiceAnd9056ForOtherContent() {
    Zaak zaak = zaakInZorg();
    String id = uniek("X");
    Wmo323.Prestatie oktober = prestatie(id + "-1", null, zaak.toewijzing(), "02A02", OKTOBER, 40, DebetCredit.DEBET);
    Wmo323.Prestatie onbekend = prestatie(id + "-2", null, 999_999_999L, "02A02", OKTOBER, 1, DebetCredit.DEBET);
    Wmo323.Prestatie anderProduct = prestatie(id + "-3", null, zaak.toewijzing(), "02C02", OKTOBER, 2, DebetCredit.DEBET);
    byte[] declaratie = IwmoXml.write(wmo323(id, "DN" + id, List.of(oktober, onbekend, anderProduct)));

    RegieClient.Response antwoord = client.post("/iwmo/v1/berichten", "application/xml", new String(declaratie, StandardCharsets.UTF_8));
    assertEquals(200, antwoord.status(), antwoord.body());
    assertTrue(antwoord.contentType().startsWith("application/xml"), antwoord.contentType());
    byte[] xml = antwoord.body().getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), IwmoSchemas.validate(Berichtsoort.WMO325, xml), "the 325 meets its schema");
    Wmo325 wmo325 = IwmoXml.parse(xml, Wmo325.class);

    assertEquals(id, wmo325.header().declaratieIdentificatie().identificatie());
    assertEquals(List.of(Retourcode.R0200), wmo325.retourcodes().van(Klassepad.HEADER));
    assertEquals(List.of(Retourcode.R0200), wmo325.retourcodes().van(Klassepad.DECLARATIE));
    assertEquals(40 * TARIEF, wmo325.declaratieAntwoord().totaalToegekendBedrag().saldo(), "only the fitting prestatie is granted");
    assertEquals(List.of(onbekend, anderProduct), wmo325.declaratieAntwoord().clienten().get(0).prestaties(),
        "only the rejected prestaties come back");
    assertEquals(List.of(Retourcode.R9338), wmo325.retourcodes().van(Wmo323.prestatie(0, 0)));
    assertEquals(List.of(Retourcode.R9340), wmo325.retourcodes().van(Wmo323.prestatie(0, 1)));

    JsonNode view = zaak.view();
    assertEquals(List.of("WMO323_ONTVANGEN", "PRESTATIE_TOEGEKEND", "WMO323_BEOORDEELD", "WMO323_BEOORDEELD", "WMO325_VERSTUURD"),
        types(view).stream().filter(t -> t.startsWith("WMO32") || t.startsWith("PRESTATIE")).toList());
    JsonNode d17 = deadline(view, "D17");
    assertEquals("MET", d17.get("status").asText(), "Regie answers at once: D17 is met the day it is set");
    assertEquals("2026-12-10", d17.get("due").asText(), "10 werkdagen after Thursday 26 November");

    RegieClient.Response nogmaals = client.post("/iwmo/v1/berichten", "application/xml", new String(declaratie, StandardCharsets.UTF_8));
    assertEquals(200, nogmaals.status());
    assertEquals(antwoord.body(), nogmaals.body(), "the same declaratie gets the same 325");
    assertEquals(view, zaak.view(), "and changes nothing");

    byte[] anders = IwmoXml.write(wmo323(id, "DN" + id + "b", List.of(prestatie(id + "-4", null, zaak.toewijzing(), "02A02",
        OKTOBER, 1, DebetCredit.DEBET))));
    RegieClient.Response hergebruikt = client.post("/iwmo/v1/berichten", "application/xml", new String(anders, StandardCharsets.UTF_8));
    assertEquals(200, hergebruikt.status(), hergebruikt.body());
    Wmo325 afgewezen = IwmoXml.parse(hergebruikt.body().getBytes(StandardCharsets.UTF_8), Wmo325.class);
    assertEquals(List.of(Retourcode.R9056), afgewezen.retourcodes().van(Klassepad.HEADER));
    assertNull(afgewezen.declaratieAntwoord(), "a header rejection repeats nothing else");
    assertEquals(view, zaak.view(), "a reused Identificatie reaches no case");
  }

  @Test
  void answersJsonDeclaratiesWithTheRulesThatNeedEarlierOnes() {
    Zaak zaak = zaakInZorg();
    String id = uniek("J");
    Wmo323.Prestatie debet = prestatie(id + "-1", null, zaak.toewijzing(), "02A02", OKTOBER, 40, DebetCredit.DEBET);
    Wmo325 eerste = postJson(wmo323(id + "a", "DN" + id + "a", List.of(debet)));
    assertEquals(List.of(Retourcode.R8001), eerste.retourcodes().van(Klassepad.DECLARATIE), "fully granted");
    assertEquals(40 * TARIEF, eerste.declaratieAntwoord().totaalToegekendBedrag().saldo());

    // A correction: the debet credited (IV091) and declared anew, the credit judged first (OP366).
    String debetNummer = debet.productReferentie().referentieNummer();
    Wmo323.Prestatie credit = prestatie(id + "-2", debetNummer, zaak.toewijzing(), "02A02", OKTOBER, 40, DebetCredit.CREDIT);
    Wmo323.Prestatie nieuw = prestatie(id + "-3", null, zaak.toewijzing(), "02A02", OKTOBER, 38, DebetCredit.DEBET);
    Wmo325 correctie = postJson(wmo323(id + "b", "DN" + id + "b", List.of(nieuw, credit)));
    assertEquals(List.of(Retourcode.R8001), correctie.retourcodes().van(Klassepad.DECLARATIE));
    assertEquals(-2 * TARIEF, correctie.declaratieAntwoord().totaalToegekendBedrag().saldo());

    Wmo325 hergebruikt = postJson(wmo323(id + "c", "DN" + id + "c", List.of(
        prestatie(debetNummer, null, zaak.toewijzing(), "02A02", OKTOBER, 1, DebetCredit.DEBET))));
    assertEquals(List.of(Retourcode.R8021), hergebruikt.retourcodes().van(Wmo323.prestatie(0, 0)), "TR314 across declaraties");

    Wmo325 nogEenCredit = postJson(wmo323(id + "d", "DN" + id + "d", List.of(
        prestatie(id + "-4", debetNummer, zaak.toewijzing(), "02A02", OKTOBER, 40, DebetCredit.CREDIT))));
    assertEquals(List.of(Retourcode.R9390), nogEenCredit.retourcodes().van(Wmo323.prestatie(0, 0)), "TR390");

    Wmo325 zelfdeNummer = postJson(wmo323(id + "e", "DN" + id + "a", List.of(prestatie(id + "-5", null, zaak.toewijzing(), "02A02",
        OKTOBER, 1, DebetCredit.DEBET))));
    assertEquals(List.of(Retourcode.R9333), zelfdeNummer.retourcodes().van(Klassepad.DECLARATIE), "TR333");
    assertEquals(0, zelfdeNummer.declaratieAntwoord().totaalToegekendBedrag().saldo(), "a refused declaratie grants nothing");
    assertTrue(zelfdeNummer.declaratieAntwoord().clienten().isEmpty());

    // a, b and d reached the case; c's only prestatie and the refused declaratie e did not.
    long beantwoord = types(zaak.view()).stream().filter("WMO325_VERSTUURD"::equals).count();
    assertEquals(3, beantwoord, "each declaratie with prestaties judged by the case is answered there");
    assertTrue(StreamSupport.stream(zaak.view().get("deadlines").spliterator(), false)
        .filter(d -> d.get("code").asText().equals("D17")).allMatch(d -> d.get("status").asText().equals("MET")));
  }

  // --- the case, walked over the API, and its start of care as a WMO305 ---

  record Zaak(String caseId, long toewijzing) {
    JsonNode view() {
      RegieClient.Response response = client.get("/api/v1/cases/" + caseId);
      assertEquals(200, response.status(), response.body());
      return response.json();
    }
  }

  static Zaak zaakInZorg() {
    RegieClient.Response created = client.post("/api/v1/cases",
        "{\"bsn\":\"" + BSN + "\",\"gemeente\":\"" + GEMEENTE + "\",\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"gemeente\","
            + "\"meldingOp\":\"2026-09-01\",\"client\":{\"naam\":{\"achternaam\":\"Jansen\",\"voorletters\":\"P\"},"
            + "\"geboortedatum\":\"1960-03-01\",\"geslacht\":\"1\",\"adres\":{\"straatnaam\":\"Markt\",\"huisnummer\":1,"
            + "\"postcode\":\"5911AB\",\"plaatsnaam\":\"Venlo\"}}}");
    assertEquals(201, created.status(), created.body());
    String caseId = created.json().get("caseId").asText();
    String path = "/api/v1/cases/" + caseId + "/";
    ok(client.post(path + "screening-starten", "{}"));
    ok(client.post(path + "screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + GEMEENTE + "\"}"));
    ok(client.post(path + "onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-09-10\"}"));
    ok(client.post(path + "aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-09-15\"}"));
    JsonNode toegewezen = ok(client.post(path + "toewijzen", "{\"beschiktOp\":\"2026-09-20\",\"toewijzingen\":[{\"product\":\"02A02\","
        + "\"aanbieder\":\"" + AANBIEDER + "\",\"ingangsdatum\":\"2026-10-01\",\"einddatum\":\"2027-09-30\","
        + "\"omvang\":{\"volume\":8,\"eenheid\":\"04\",\"frequentie\":\"2\"}}]}"));
    assertTrue(types(toegewezen).contains("WMO301_VERSTUURD"), "Regie wrote the WMO301");
    long toewijzing = toegewezen.at("/toewijzingen/0/toewijzingNummer").asLong();

    Wmo305 start = new Wmo305(Header.van(AANBIEDER, GEMEENTE, uniek("S"), VANDAAG), new Wmo305.Client(BSN,
        Geboortedatum.van(LocalDate.parse("1960-03-01")), Geslacht.MANNELIJK, new VerkorteNaam(new Achternaam("Jansen", null), null, "P"),
        List.of(new Wmo305.StartProduct(toewijzing, Product.van("02A02"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-05"),
            StatusAanlevering.EERSTE_AANLEVERING))));
    RegieClient.Response wmo306 = client.post("/iwmo/v1/berichten", "application/xml", IwmoXml.writeString(start));
    assertEquals(200, wmo306.status(), wmo306.body());
    Zaak zaak = new Zaak(caseId, toewijzing);
    assertEquals("ZORG", zaak.view().get("fase").asText(), "care started with the WMO305");
    return zaak;
  }

  // --- declaraties ---

  static Wmo323.Prestatie prestatie(String referentie, String vorige, long toewijzing, String product, Periode periode, long uren,
      DebetCredit dc) {
    return new Wmo323.Prestatie(new ProductReferentie(referentie, vorige), toewijzing, Productcategorie.ofProductcode(product).orElseThrow(),
        product, periode, uren, Eenheid.UUR, TARIEF, new Bedrag(uren * TARIEF, dc));
  }

  static Wmo323 wmo323(String identificatie, String declaratieNummer, List<Wmo323.Prestatie> prestaties) {
    long saldo = prestaties.stream().mapToLong(p -> p.ingediendBedrag().saldo()).sum();
    return new Wmo323(Header.van(AANBIEDER, GEMEENTE, identificatie, VANDAAG), new Wmo323.Declaratie(declaratieNummer, OKTOBER,
        VANDAAG, Bedrag.vanSaldo(saldo), List.of(new Wmo323.Client(BSN, prestaties))));
  }

  /** Posts a declaratie as JSON; the 325 comes back as JSON and, written as XML, meets its schema. */
  static Wmo325 postJson(Wmo323 declaratie) {
    RegieClient.Response antwoord = client.post("/iwmo/v1/berichten", "application/json", IwmoJson.write(declaratie));
    assertEquals(200, antwoord.status(), antwoord.body());
    assertEquals("application/json", antwoord.contentType());
    Wmo325 wmo325 = IwmoJson.parse(antwoord.body(), Wmo325.class);
    assertEquals(List.of(), IwmoSchemas.validate(Berichtsoort.WMO325, IwmoXml.write(wmo325)), "the 325 meets its schema");
    assertEquals(declaratie.header().berichtIdentificatie().identificatie(), wmo325.header().declaratieIdentificatie().identificatie());
    return wmo325;
  }

  /** An Identificatie (at most 12 positions) and numbers no other test uses in this database. */
  static String uniek(String prefix) {
    return prefix + volgnummer.incrementAndGet();
  }

  static JsonNode ok(RegieClient.Response response) {
    assertTrue(response.status() == 200 || response.status() == 201, response.status() + " " + response.body());
    return response.json();
  }

  static List<String> types(JsonNode view) {
    return StreamSupport.stream(view.get("history").spliterator(), false).map(h -> h.get("type").asText()).toList();
  }

  static JsonNode deadline(JsonNode view, String code) {
    return StreamSupport.stream(view.get("deadlines").spliterator(), false).filter(d -> d.get("code").asText().equals(code))
        .findFirst().orElseThrow(() -> new AssertionError("no " + code + " in " + view.get("deadlines")));
  }
}
