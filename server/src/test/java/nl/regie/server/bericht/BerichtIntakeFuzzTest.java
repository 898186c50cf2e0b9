package nl.regie.server.bericht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.api.ApiJson;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.iwmo.Fuzzing;
import nl.regie.protocol.iwmo.bericht.Bedrag;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Header;
import nl.regie.protocol.iwmo.bericht.Periode;
import nl.regie.protocol.iwmo.bericht.ProductReferentie;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.VerkorteNaam;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo307;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.bouw.Retouren;
import nl.regie.protocol.iwmo.bouw.Retourgegevens;
import nl.regie.protocol.iwmo.json.IwmoJson;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.server.RegieClient;
import nl.regie.server.testing.TestTokens;
import nl.regie.server.RegieServer;
import nl.regie.server.TestServers;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.Verzoekberichten;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The iWmo intake as an aanbieder meets it, fuzzed: bodies posted to {@code POST /iwmo/v1/berichten}
 * of a real server on PostgreSQL ({@link BerichtRoutes}, {@link BerichtIntake}, the cases and the
 * store; nothing stubbed), as XML and JSON under a fuzzed Content-Type and Accept. Whatever comes:
 * never a 5xx; every 4xx is {@code application/problem+json} with its status; every 200 is a
 * retourbericht that meets its schema (XML) or that {@link IwmoJson} reads (JSON), or the JSON
 * record of a 302 or 320.
 *
 * <p>The seeds reach the cases: a case is walked to {@code toewijzen} over API v1, its WMO301 read
 * from the aanbieder's list, and from it are derived a 302 answering it, a 305 starting and a 307
 * stopping its toewijzing, a 315 and a 317 asking for more and other, and a 323 declaring it,
 * beside one bericht of every soort from the protocol's samples.
 *
 * <p>An input is one byte that picks the request, then the body: bits 0-2 the Content-Type ({@link
 * #CONTENT_TYPES}), bits 3-4 the Accept ({@link #ACCEPTS}). With bit 5 set the body is not the
 * bytes that follow but one of the berichten derived from the case (the next byte picks which),
 * its values edited as the rest of the bytes say ({@link Waardenmutatie}), so that the fuzzer
 * varies dates, numbers and codes of berichten that still meet the schema. Unless bit 7 is set,
 * each {@value #NIEUW} in the body becomes an Identificatie not used before, so that a mutated
 * bericht reaches its case instead of stopping at the duplicate check (9056), which inputs with
 * bit 7 and mutated identificaties still reach.
 *
 * <p>The ask timeout is raised to a minute: a 503 from a busy machine is not what this looks for.
 * In {@code verify} the fuzz execution (root pom) runs the seeds and {@code
 * BerichtIntakeFuzzTestInputs}, then lets Jazzer fuzz for a bounded time.
 */
class BerichtIntakeFuzzTest {

  /** Placeholder for a fresh Identificatie (and declaratienummer): twelve letters and digits, as both allow. */
  static final String NIEUW = "FUZZNIEUWXYZ";

  static final List<String> CONTENT_TYPES = List.of(
      "application/xml", "application/json", "text/xml; charset=UTF-8", "application/json; charset=UTF-8",
      "application/xml; charset=ISO-8859-1", "text/plain", "application/octet-stream", "");

  static final List<String> ACCEPTS = List.of("", "application/xml", "application/json", "application/json, application/xml;q=0.5");

  private static final int XML = 0;
  private static final int JSON = 1;
  private static final int ACCEPT_XML = 1 << 3;
  private static final int ACCEPT_JSON = 2 << 3;
  private static final int WAARDEN = 0x20;
  private static final int ZOALS_HET_IS = 0x80;

  private static final String AANBIEDER = "12345678";
  private static final String GEMEENTE = "0983";
  private static final LocalDate VANDAAG = LocalDate.of(2026, 11, 26);

  static TestDatabase database;
  static RegieServer server;
  static HttpClient http;
  static URI berichten;
  static long volgnummer;
  /** The berichten derived from the case, which inputs with bit 5 edit. */
  static final List<Sjabloon> SJABLONEN = new ArrayList<>();
  /** How far the answers went (status, problem or retour and its codes), printed at the end to judge the seeds by. */
  static final Map<String, Integer> ANTWOORDEN = new TreeMap<>();

  @BeforeAll
  static void start() {
    database = TestDatabase.create(BerichtIntakeFuzzTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of("regie.http.ask-timeout", "60s")));
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    berichten = URI.create("http://127.0.0.1:" + server.httpAddress().getPort() + "/iwmo/v1/berichten");
  }

  @AfterAll
  static void stop() {
    ANTWOORDEN.forEach((antwoord, aantal) -> System.out.printf("%8d  %s%n", aantal, antwoord));
    try {
      if (server != null) {
        RegieClient.Response ready = new RegieClient(server.httpAddress().getPort()).get("/health/ready");
        assertEquals(200, ready.status(), "the server is still whole after the fuzzing: " + ready.body());
      }
    } finally {
      if (server != null) server.close();
      if (database != null) database.close();
    }
  }

  static Stream<byte[]> berichten() {
    Wmo301 toewijzing = toewijzing();
    Wmo301.ToegewezenProduct product = toewijzing.client().toegewezenProducten().get(0);
    List<Bericht> afgeleid = List.of(
        Retouren.wmo302(toewijzing, Retourcodes.GEEN, Retourgegevens.van(NIEUW, VANDAAG)),
        Retouren.wmo302(toewijzing, Retourcodes.van(Wmo301.toegewezenProduct(0), Retourcode.R9019), Retourgegevens.van(NIEUW, VANDAAG)),
        start(toewijzing, product),
        stop(toewijzing, product),
        Verzoekberichten.wmo315(AANBIEDER, GEMEENTE, NIEUW, VANDAAG, toewijzing.client().bsn(),
            Verzoekberichten.aangevraagd("V1", "02A02", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 5, 31))),
        Verzoekberichten.wmo317(AANBIEDER, GEMEENTE, NIEUW, VANDAAG, toewijzing.client().bsn(), Verzoekberichten.verzoek("V2",
            List.of(), List.of(Verzoekberichten.teWijzigen(product.toewijzingNummer(), LocalDate.of(2026, 12, 1), LocalDate.of(2027, 9, 30))),
            List.of())),
        declaratie(toewijzing, product));
    Stream<byte[]> vanDeCase = afgeleid.stream().flatMap(b -> Stream.of(
        input(XML | ACCEPT_JSON, IwmoXml.write(b)),
        input(JSON, IwmoJson.write(b).getBytes(StandardCharsets.UTF_8)),
        input(JSON | ACCEPT_XML | ZOALS_HET_IS, IwmoJson.write(b).getBytes(StandardCharsets.UTF_8))));
    SJABLONEN.clear();
    for (Bericht b : afgeleid) {
      SJABLONEN.add(new Sjabloon(true, IwmoXml.writeString(b)));
      SJABLONEN.add(new Sjabloon(false, IwmoJson.write(b)));
    }
    // Each derived bericht with one value edited, for the fuzzer to take on from.
    Stream<byte[]> bewerkt = IntStream.range(0, SJABLONEN.size()).mapToObj(i -> input(WAARDEN, new byte[] {(byte) i, (byte) (7 * i), 1}));
    vanDeCase = Stream.concat(vanDeCase, bewerkt);
    Stream<byte[]> elkeSoort = Stream.concat(
        Fuzzing.xmlSeeds().map(xml -> input(XML | ZOALS_HET_IS, xml)),
        Fuzzing.jsonSeeds().map(json -> input(JSON | ZOALS_HET_IS, json)));
    return Stream.concat(vanDeCase, elkeSoort);
  }

  @MethodSource("berichten")
  @FuzzTest
  void answersEveryPostWithARetourOrAProblem(byte[] input) {
    // Jazzer reports a connection made while fuzzing as request forgery unless allowed, and forbids
    // them all again when fuzzing starts; these go to this machine only.
    BugDetectors.allowNetworkConnections(BerichtIntakeFuzzTest::isLoopback);
    Verzoek verzoek = Verzoek.van(input);
    HttpResponse<byte[]> antwoord = post(verzoek);
    int status = antwoord.statusCode();
    String contentType = antwoord.headers().firstValue("Content-Type").orElse("");
    String body = new String(antwoord.body(), StandardCharsets.UTF_8);
    String wat = verzoek + " -> " + status + " " + contentType + " " + body;

    assertTrue(status < 500, wat);
    if (status >= 400) {
      assertEquals("application/problem+json", contentType, wat);
      JsonNode problem = json(body, wat);
      assertEquals(status, problem.path("status").asInt(), wat);
      assertTrue(problem.path("title").isTextual() && problem.path("type").isTextual(), wat);
      tel(status + " " + problem.path("type").asText().replaceAll(".*/", ""));
      return;
    }
    assertEquals(200, status, wat);
    if (contentType.startsWith("application/xml")) {
      tel(status, assertInstanceOf(Retourbericht.class, IwmoXml.parse(antwoord.body()), wat));
      return;
    }
    assertEquals("application/json", contentType, wat);
    JsonNode json = json(body, wat);
    if (json.has("status")) {
      assertEquals("VERWERKT", json.path("status").asText(), wat);
      assertTrue(Set.of("WMO302", "WMO320").contains(json.path("berichtsoort").asText()), wat);
      assertTrue(json.path("berichtId").asLong() > 0 && json.path("afgekeurd").isArray(), wat);
      tel(status + " " + json.path("berichtsoort").asText() + " VERWERKT");
      return;
    }
    Retourbericht retour = assertInstanceOf(Retourbericht.class, IwmoJson.parse(body), wat);
    IwmoXml.write(retour);
    tel(status, retour);
  }

  private static void tel(int status, Retourbericht retour) {
    tel(status + " " + retour.soort() + " " + new TreeSet<>(retour.retourcodes().perKlasse().values().stream()
        .flatMap(List::stream).map(Retourcode::code).toList()));
  }

  private static void tel(String antwoord) {
    ANTWOORDEN.merge(antwoord, 1, Integer::sum);
  }

  /** A bericht derived from the case, as XML or JSON. */
  record Sjabloon(boolean xml, String document) {}

  /** A request as the first byte of an input picks it. */
  record Verzoek(String contentType, String accept, byte[] body) {

    static Verzoek van(byte[] input) {
      if (input.length == 0) return new Verzoek(CONTENT_TYPES.get(XML), "", input);
      int keuze = input[0] & 0xFF;
      String contentType = CONTENT_TYPES.get(keuze & 7);
      byte[] body = Arrays.copyOfRange(input, 1, input.length);
      if ((keuze & WAARDEN) != 0 && body.length > 0 && !SJABLONEN.isEmpty()) {
        Sjabloon sjabloon = SJABLONEN.get((body[0] & 0xFF) % SJABLONEN.size());
        byte[] edits = Arrays.copyOfRange(body, 1, body.length);
        body = Waardenmutatie.bewerk(sjabloon.document(), sjabloon.xml(), edits).getBytes(StandardCharsets.UTF_8);
        contentType = sjabloon.xml() ? "application/xml" : "application/json";
      }
      if ((keuze & ZOALS_HET_IS) == 0) body = metNieuweIdentificatie(body);
      return new Verzoek(contentType, ACCEPTS.get((keuze >> 3) & 3), body);
    }

    @Override
    public String toString() {
      String tekst = new String(body, StandardCharsets.UTF_8);
      return "POST [" + contentType + "] accept [" + accept + "] " + (tekst.length() > 2000 ? tekst.substring(0, 2000) + "…" : tekst);
    }
  }

  private static byte[] input(int keuze, byte[] body) {
    byte[] input = new byte[body.length + 1];
    input[0] = (byte) keuze;
    System.arraycopy(body, 0, input, 1, body.length);
    return input;
  }

  private static byte[] metNieuweIdentificatie(byte[] body) {
    String tekst = new String(body, StandardCharsets.ISO_8859_1);
    if (!tekst.contains(NIEUW)) return body;
    return tekst.replace(NIEUW, "F%011d".formatted(++volgnummer)).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static HttpResponse<byte[]> post(Verzoek verzoek) {
    HttpRequest.Builder request = HttpRequest.newBuilder(berichten).timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + TestTokens.everything())
        .POST(HttpRequest.BodyPublishers.ofByteArray(verzoek.body()));
    if (!verzoek.contentType().isEmpty()) request.header("Content-Type", verzoek.contentType());
    if (!verzoek.accept().isEmpty()) request.header("Accept", verzoek.accept());
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("the server did not answer " + verzoek, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String body, String wat) {
    try {
      return ApiJson.mapper().readTree(body);
    } catch (IOException e) {
      return fail("not JSON: " + wat, e);
    }
  }

  private static boolean isLoopback(String host, int port) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  // --- the case the seeds are about ---

  /** Walks a case with a cliënt to {@code toewijzen} over API v1 and reads the WMO301 Regie wrote for it. */
  private static Wmo301 toewijzing() {
    RegieClient client = new RegieClient(server.httpAddress().getPort());
    String caseId = ok(client.post("/api/v1/cases",
        "{\"bsn\":\"999993653\",\"gemeente\":\"" + GEMEENTE + "\",\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"gemeente\","
            + "\"meldingOp\":\"2026-09-01\",\"client\":{\"naam\":{\"achternaam\":\"Jansen\",\"voorletters\":\"P\"},"
            + "\"geboortedatum\":\"1960-03-01\",\"geslacht\":\"1\",\"adres\":{\"straatnaam\":\"Markt\",\"huisnummer\":1,"
            + "\"postcode\":\"5911AB\",\"plaatsnaam\":\"Venlo\"}}}")).get("caseId").asText();
    String path = "/api/v1/cases/" + caseId + "/";
    ok(client.post(path + "screening-starten", "{}"));
    ok(client.post(path + "screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + GEMEENTE + "\"}"));
    ok(client.post(path + "onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-09-04\"}"));
    ok(client.post(path + "aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-09-08\"}"));
    ok(client.post(path + "toewijzen", "{\"beschiktOp\":\"2026-09-14\",\"toewijzingen\":[{\"product\":\"02A02\",\"aanbieder\":\""
        + AANBIEDER + "\",\"ingangsdatum\":\"2026-10-01\",\"einddatum\":\"2027-09-30\",\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}"));
    JsonNode lijst = Await.until(Duration.ofSeconds(30), () -> ok(client.get("/iwmo/v1/berichten?aanbieder=" + AANBIEDER)),
        page -> page.get("items").size() > 0, "the WMO301 in the aanbieder's list");
    RegieClient.Response wmo301 = client.send(HttpRequest.newBuilder(URI.create(berichten + "/" + lijst.at("/items/0/id").asLong()))
        .header("Accept", "application/xml").GET());
    assertEquals(200, wmo301.status(), wmo301.body());
    return IwmoXml.parse(wmo301.body().getBytes(StandardCharsets.UTF_8), Wmo301.class);
  }

  private static Wmo305 start(Wmo301 toewijzing, Wmo301.ToegewezenProduct product) {
    Wmo301.Client c = toewijzing.client();
    return new Wmo305(Header.van(AANBIEDER, GEMEENTE, NIEUW, VANDAAG),
        new Wmo305.Client(c.bsn(), c.geboortedatum(), c.geslacht(), verkort(c), List.of(new Wmo305.StartProduct(
            product.toewijzingNummer(), product.product(), product.ingangsdatum(), LocalDate.of(2026, 11, 2),
            StatusAanlevering.EERSTE_AANLEVERING))));
  }

  private static Wmo307 stop(Wmo301 toewijzing, Wmo301.ToegewezenProduct product) {
    Wmo301.Client c = toewijzing.client();
    return new Wmo307(Header.van(AANBIEDER, GEMEENTE, NIEUW, VANDAAG),
        new Wmo307.Client(c.bsn(), c.geboortedatum(), c.geslacht(), verkort(c), List.of(new Wmo307.StopProduct(
            product.toewijzingNummer(), product.product(), product.ingangsdatum(), LocalDate.of(2026, 11, 2),
            RedenBeeindiging.VOLGENS_PLAN, LocalDate.of(2026, 11, 20), StatusAanlevering.EERSTE_AANLEVERING))));
  }

  /** A declaratie of October for the toewijzing, numbered (and referenced) by the placeholder too. */
  private static Wmo323 declaratie(Wmo301 toewijzing, Wmo301.ToegewezenProduct product) {
    Bedrag bedrag = new Bedrag(2 * 1_000, DebetCredit.DEBET);
    Wmo323.Prestatie prestatie = new Wmo323.Prestatie(new ProductReferentie(NIEUW, null), product.toewijzingNummer(),
        product.product().categorie(), product.product().code(), new Periode(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 23)),
        2, product.omvang().eenheid(), 1_000L, bedrag);
    return new Wmo323(Header.van(AANBIEDER, GEMEENTE, NIEUW, VANDAAG), new Wmo323.Declaratie(NIEUW,
        Periode.maand(YearMonth.of(2026, 10)), VANDAAG, bedrag, List.of(new Wmo323.Client(toewijzing.client().bsn(), List.of(prestatie)))));
  }

  private static VerkorteNaam verkort(Wmo301.Client c) {
    return new VerkorteNaam(c.naam().geslachtsnaam(), c.naam().voornamen(), c.naam().voorletters());
  }

  private static JsonNode ok(RegieClient.Response response) {
    assertTrue(response.status() == 200 || response.status() == 201, response.status() + " " + response.body());
    return response.json();
  }
}
