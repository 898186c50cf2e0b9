package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.access.TokenMinter;
import nl.regie.server.testing.Aanbieder;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gemeenten (Venlo 0983, Maastricht 0935) and two aanbieders in play, on the real server over
 * HTTP: every endpoint with every role, with a foreign gemeente and a foreign AGB, without a token
 * and with each kind of bad token. Every cross-party attempt is refused (404 as if absent, or 403
 * for a role that sees the case but may not act), changes nothing, and is on the audit trail.
 */
class AccessTest {

  static final String VENLO = "0983";
  static final String MAASTRICHT = "0935";
  static final Aanbieder AGB1 = new Aanbieder("12345678");
  static final Aanbieder AGB2 = new Aanbieder("87654321");

  static final Map<String, String> TOKENS = new LinkedHashMap<>();

  static TestDatabase database;
  static RegieServer server;
  static String caseVenlo;
  static String caseMaastricht;
  static String handedOver;
  static long toewijzingVenlo;
  static long berichtVenlo;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(AccessTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of()));
    for (String gemeente : List.of(VENLO, MAASTRICHT)) {
      for (Role role : List.of(Role.TOEGANG, Role.BACKOFFICE, Role.SUPERVISOR)) {
        TOKENS.put(role.claim() + gemeente, TestTokens.of(role, gemeente));
      }
    }
    TOKENS.put("aanbieder1", TestTokens.aanbieder(AGB1.agb()));
    TOKENS.put("aanbieder2", TestTokens.aanbieder(AGB2.agb()));
    TOKENS.put("admin", TestTokens.admin());

    caseVenlo = toegewezen(VENLO, AGB1.agb());
    caseMaastricht = toegewezen(MAASTRICHT, AGB2.agb());
    toewijzingVenlo = as("backoffice0983").get("/api/v1/cases/" + caseVenlo).json().at("/toewijzingen/0/toewijzingNummer").asLong();
    handedOver = melding("toegang0983", VENLO).json().get("caseId").asText();
    ok(as("toegang0983").post(path(handedOver, "screening-starten"), "{}"));
    ok(as("toegang0983").post(path(handedOver, "screening-afronden"), "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + MAASTRICHT + "\"}"));
    JsonNode outbox = Await.until(Duration.ofSeconds(20), () -> as("aanbieder1").get("/iwmo/v1/berichten").json(),
        l -> l.get("items").size() == 1, "the WMO301 to aanbieder 1");
    berichtVenlo = outbox.at("/items/0/id").asLong();
    // The case list is a read model: wait until it has caught up with the cases made here.
    listedAtVersion("supervisor0983", caseVenlo);
    listedAtVersion("supervisor0935", caseMaastricht);
    listedAtVersion("supervisor0935", handedOver);
  }

  static void listedAtVersion(String who, String caseId) {
    long version = ok(as(who).get("/api/v1/cases/" + caseId)).get("version").asLong();
    Await.until(Duration.ofSeconds(20), () -> ok(as(who).get("/api/v1/cases?limit=1000")).get("items"),
        items -> StreamSupport.stream(items.spliterator(), false)
            .anyMatch(i -> i.get("caseId").asText().equals(caseId) && i.get("version").asLong() == version),
        "case " + caseId + " in the list at version " + version);
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  @Test
  void everyRoleSeesAndDoesOnlyWhatItMay() {
    List<String> wrong = new ArrayList<>();
    long versionBefore = version(caseVenlo);
    String venlo = "/api/v1/cases/" + caseVenlo;

    // Reading a case: its gemeente's roles and its aanbieder; everyone else as if it did not exist.
    expect(wrong, Map.of("toegang0983", 200, "backoffice0983", 200, "supervisor0983", 200, "aanbieder1", 200,
        "toegang0935", 404, "backoffice0935", 404, "supervisor0935", 404, "aanbieder2", 404, "admin", 404), "GET", venlo, null);
    // A case handed over leaves the first gemeente's reach.
    expect(wrong, Map.of("toegang0983", 404, "supervisor0983", 404, "toegang0935", 200, "supervisor0935", 200),
        "GET", "/api/v1/cases/" + handedOver, null);

    // Acting: a role that sees the case but may not act is refused, the others do not see it.
    expect(wrong, Map.of("supervisor0983", 403, "aanbieder1", 403, "toegang0935", 404, "backoffice0935", 404, "aanbieder2", 404,
        "admin", 404), "POST", venlo + "/intrekken", "{\"reden\":\"test\"}");
    expect(wrong, Map.of("toegang0983", 403, "supervisor0983", 403, "aanbieder1", 403, "backoffice0935", 404, "aanbieder2", 404),
        "POST", venlo + "/toewijzen", "{\"beschiktOp\":\"2026-11-20\",\"toewijzingen\":[{\"product\":\"02A02\",\"aanbieder\":\""
            + AGB1.agb() + "\",\"ingangsdatum\":\"2027-01-01\",\"einddatum\":\"2027-12-31\",\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}");
    expect(wrong, Map.of("backoffice0983", 403, "supervisor0983", 403, "aanbieder1", 403, "toegang0935", 404),
        "POST", venlo + "/screening-starten", "{}");
    expect(wrong, Map.of("supervisor0983", 403, "toegang0983", 403, "aanbieder2", 404, "backoffice0935", 404),
        "POST", venlo + "/zorg-gestart", "{\"toewijzingNummer\":" + toewijzingVenlo + ",\"begindatum\":\"2026-12-01\"}");
    // The case life after the beschikking: the backoffice ends toewijzingen, toegang or backoffice record
    // a death, an aanbieder records only what is about itself.
    expect(wrong, Map.of("toegang0983", 403, "supervisor0983", 403, "aanbieder1", 403, "backoffice0935", 404, "aanbieder2", 404),
        "POST", venlo + "/toewijzing-wijzigen", "{\"toewijzingNummer\":" + toewijzingVenlo + ",\"einddatum\":\"2027-06-30\",\"reden\":\"05\"}");
    expect(wrong, Map.of("toegang0983", 403, "supervisor0983", 403, "aanbieder1", 403, "backoffice0935", 404),
        "POST", venlo + "/aanbieder-wisselen", "{\"toewijzingNummer\":" + toewijzingVenlo + ",\"aanbieder\":\"" + AGB2.agb()
            + "\",\"per\":\"2027-03-01\"}");
    expect(wrong, Map.of("supervisor0983", 403, "aanbieder1", 403, "backoffice0935", 404, "aanbieder2", 404),
        "POST", venlo + "/overlijden", "{\"datum\":\"2026-11-20\"}");
    expect(wrong, Map.of("supervisor0983", 403, "aanbieder1", 403, "toegang0935", 404),
        "POST", venlo + "/verhuizing-melden", "{\"naar\":\"0935\",\"verhuisdatum\":\"2027-03-01\"}");
    expect(wrong, Map.of("backoffice0983", 403, "supervisor0983", 403, "aanbieder2", 404),
        "POST", venlo + "/calamiteit-voorgevallen", "{\"op\":\"2026-11-20\",\"aanbieder\":\"" + AGB1.agb() + "\"}");
    expect(wrong, Map.of("backoffice0983", 403, "supervisor0983", 403, "aanbieder1", 403),
        "POST", venlo + "/matchingsformat-verstuurd", "{\"op\":\"2026-11-20\",\"aanbieder\":\"" + AGB1.agb() + "\"}");
    assertEquals(versionBefore, version(caseVenlo), "a refused request changes nothing");

    // Opening a case: the toegang of its gemeente alone.
    expect(wrong, Map.of("backoffice0983", 403, "supervisor0983", 403, "aanbieder1", 403, "admin", 403, "toegang0935", 403),
        "POST", "/api/v1/cases", meldingBody(VENLO));

    // Alerts: the gemeenten's roles and the aanbieders; admin operates Regie and reads no case data.
    expect(wrong, Map.of("toegang0983", 200, "supervisor0935", 200, "aanbieder1", 200, "admin", 403), "GET", "/api/v1/alerts", null);

    // The work queue: the gemeenten's roles and the aanbieders, each its own cases; admin, like for the alerts, not.
    expect(wrong, Map.of("toegang0983", 200, "backoffice0983", 200, "supervisor0935", 200, "aanbieder1", 200, "aanbieder2", 200,
        "admin", 403), "GET", "/api/v1/werkvoorraad", null);

    // The outbox: an aanbieder's own; another AGB's is refused; admin reads any.
    expect(wrong, Map.of("aanbieder1", 200, "admin", 200, "aanbieder2", 403, "toegang0983", 403),
        "GET", "/iwmo/v1/berichten?aanbieder=" + AGB1.agb(), null);
    // A stored bericht: its sender (gemeente Venlo), its receiver (aanbieder 1) and admin.
    expect(wrong, Map.of("aanbieder1", 200, "toegang0983", 200, "admin", 200, "aanbieder2", 404, "toegang0935", 404,
        "supervisor0935", 404), "GET", "/iwmo/v1/berichten/" + berichtVenlo, null);

    // The audit trail: admin, and the supervisors (for their gemeenten).
    expect(wrong, Map.of("admin", 200, "supervisor0983", 200, "supervisor0935", 200, "toegang0983", 403, "backoffice0983", 403,
        "aanbieder1", 403), "GET", "/api/v1/audit", null);
    // /admin: admin alone (the tests' servers run the virtual clock).
    expect(wrong, Map.of("admin", 200, "toegang0983", 403, "supervisor0983", 403, "aanbieder1", 403), "GET", "/admin/v1/clock", null);

    assertEquals(List.of(), wrong);
  }

  @Test
  void theBsnIsWholeOnlyForTheCasesGemeente() {
    assertEquals("999993653", as("backoffice0983").get("/api/v1/cases/" + caseVenlo).json().get("bsn").asText());
    assertEquals("*****3653", as("aanbieder1").get("/api/v1/cases/" + caseVenlo).json().get("bsn").asText());
    // The toegang that handed a case over gets its answer, but no longer the BSN.
    RegieClient.Response created = melding("toegang0983", VENLO);
    assertEquals("999993653", created.json().get("bsn").asText());
    String caseId = created.json().get("caseId").asText();
    ok(as("toegang0983").post(path(caseId, "screening-starten"), "{}"));
    JsonNode overgedragen = ok(as("toegang0983").post(path(caseId, "screening-afronden"),
        "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + MAASTRICHT + "\"}"));
    assertEquals(MAASTRICHT, overgedragen.get("gemeente").asText());
    assertEquals("*****3653", overgedragen.get("bsn").asText());
  }

  @Test
  void listsShowEachPartyItsOwnCasesWhateverItAsks() {
    assertEquals(Set.of(caseVenlo), listed("aanbieder1", ""));
    assertEquals(Set.of(caseMaastricht), listed("aanbieder2", ""));
    assertEquals(Set.of(), listed("aanbieder2", "?gemeente=" + VENLO));
    assertTrue(listed("backoffice0983", "").contains(caseVenlo));
    assertTrue(!listed("backoffice0983", "").contains(caseMaastricht) && !listed("backoffice0983", "").contains(handedOver));
    assertEquals(Set.of(), listed("supervisor0935", "?gemeente=" + VENLO));
    assertTrue(listed("supervisor0935", "").containsAll(Set.of(caseMaastricht, handedOver)));
    assertEquals(Set.of(), listed("admin", ""));
    JsonNode items = Await.until(Duration.ofSeconds(20), () -> as("backoffice0983").get("/api/v1/cases?gemeente=" + VENLO).json(),
        page -> page.get("items").size() > 0, "the case list");
    for (JsonNode item : items.get("items")) assertEquals("*****3653", item.get("bsn").asText(), "lists show the BSN masked");
    assertEquals(Set.of(caseVenlo), queued("aanbieder1", ""));
    assertEquals(Set.of(), queued("aanbieder2", "?gemeente=" + VENLO));
    assertTrue(queued("backoffice0983", "").contains(caseVenlo) && !queued("backoffice0983", "").contains(caseMaastricht));
    assertEquals(Set.of(), queued("supervisor0935", "?gemeente=" + VENLO));
    assertEquals(400, as("backoffice0983").get("/api/v1/cases?fase=NERGENS").status());
    assertEquals(400, as("backoffice0983").get("/api/v1/cases?bsn=999993653").status());
  }

  @Test
  void anAanbiederPostsInItsOwnNameOnly() {
    Wmo301 wmo301 = Aanbieder.lees301(as("admin").get("/iwmo/v1/berichten/" + berichtVenlo, "application/xml").body()
        .getBytes(StandardCharsets.UTF_8));
    byte[] wmo302 = AGB1.wmo302(wmo301, LocalDate.parse("2026-11-26"));
    String xml = new String(wmo302, StandardCharsets.UTF_8);
    long before = version(caseVenlo);
    RegieClient.Response foreign = as("aanbieder2").post("/iwmo/v1/berichten", "application/xml", xml);
    assertEquals(403, foreign.status(), foreign.body());
    assertEquals(before, version(caseVenlo), "a refused bericht changes nothing");
    RegieClient.Response own = as("aanbieder1").post("/iwmo/v1/berichten", "application/xml", xml);
    assertEquals(200, own.status(), own.body());
  }

  @Test
  void withoutAValidTokenNothingButHealthAnswers() {
    Instant now = Instant.parse("2026-11-26T09:00:00Z"); // the tests' virtual clock
    Principal toegang = new Principal("t", Set.of(Role.TOEGANG), Set.of(VENLO), null);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("none", null);
    bad.put("expired", new TokenMinter(TestTokens.SECRET.getBytes(StandardCharsets.UTF_8),
        Clock.fixed(now.minus(Duration.ofDays(2)), ZoneOffset.UTC)).mint(toegang, Duration.ofDays(1)));
    bad.put("not yet valid", signed(TestTokens.SECRET, claims().notBeforeTime(Date.from(now.plus(Duration.ofDays(30)))).build()));
    bad.put("wrongly signed", signed("another-secret-that-is-long-enough-for-hs256", claims().build()));
    bad.put("alg none", new PlainJWT(claims().build()).serialize());
    bad.put("malformed", "not.a.jwt");
    bad.put("aanbieder without agb", signed(TestTokens.SECRET, new JWTClaimsSet.Builder().subject("x")
        .expirationTime(Date.from(now.plus(Duration.ofDays(1)))).claim("roles", List.of("aanbieder")).build()));
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> token : bad.entrySet()) {
      RegieClient client = new RegieClient(server.httpAddress().getPort()).withToken(token.getValue());
      for (String[] call : List.of(new String[] {"GET", "/api/v1/cases/" + caseVenlo}, new String[] {"GET", "/api/v1/cases"},
          new String[] {"POST", "/api/v1/cases"}, new String[] {"POST", "/api/v1/cases/" + caseVenlo + "/intrekken"},
          new String[] {"GET", "/api/v1/alerts"}, new String[] {"GET", "/api/v1/werkvoorraad"}, new String[] {"GET", "/api/v1/audit"}, new String[] {"GET", "/iwmo/v1/berichten"},
          new String[] {"POST", "/iwmo/v1/berichten"}, new String[] {"GET", "/iwmo/v1/berichten/" + berichtVenlo},
          new String[] {"GET", "/admin/v1/clock"}, new String[] {"GET", "/ws/v1/cases"})) {
        RegieClient.Response r = call[0].equals("GET") ? client.get(call[1]) : client.post(call[1], "{}");
        String challenge = r.header("WWW-Authenticate");
        if (r.status() != 401 || challenge == null || !challenge.startsWith("Bearer")
            || !r.contentType().startsWith("application/problem+json")) {
          wrong.add(token.getKey() + ": " + call[0] + " " + call[1] + " → " + r.status() + " " + challenge + " " + r.contentType());
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(200, new RegieClient(server.httpAddress().getPort()).withToken(null).get("/health/alive").status());
  }

  @Test
  void everyLookAtACaseIsOnTheAuditTrail() {
    String venlo = "/api/v1/cases/" + caseVenlo;
    as("backoffice0983").get(venlo);
    as("supervisor0983").post(venlo + "/intrekken", "{\"reden\":\"kijken\"}");
    as("aanbieder2").get(venlo);

    JsonNode rows = ok(as("admin").get("/api/v1/audit?caseId=" + caseVenlo + "&limit=1000")).get("items");
    assertTrue(has(rows, "test-backoffice-0983", "GET " + venlo, "ALLOWED", 200), rows.toString());
    assertTrue(has(rows, "test-supervisor-0983", "POST " + venlo + "/intrekken", "REFUSED", 403), rows.toString());
    assertTrue(has(rows, "test-aanbieder-" + AGB2.agb(), "GET " + venlo, "NOT_FOUND", 404), rows.toString());
    JsonNode row = StreamSupport.stream(rows.spliterator(), false).filter(r -> r.get("sub").asText().equals("test-aanbieder-" + AGB2.agb()))
        .findFirst().orElseThrow();
    assertEquals(AGB2.agb(), row.get("agb").asText());
    assertEquals("127.0.0.1", row.get("address").asText());
    assertEquals(List.of("aanbieder"), StreamSupport.stream(row.get("roles").spliterator(), false).map(JsonNode::asText).toList());

    // Refusals that concern no case are on the trail too.
    assertEquals(403, as("toegang0983").get("/admin/v1/clock").status());
    JsonNode own = ok(as("admin").get("/api/v1/audit?sub=test-toegang-0983&limit=1000")).get("items");
    assertTrue(has(own, "test-toegang-0983", "GET /admin/v1/clock", "REFUSED", 403), own.toString());

    // A supervisor reads the trail of its own gemeente's cases, not of another's.
    assertTrue(ok(as("supervisor0983").get("/api/v1/audit?caseId=" + caseVenlo)).get("items").size() > 0);
    assertEquals(0, ok(as("supervisor0935").get("/api/v1/audit?caseId=" + caseVenlo)).get("items").size());

    // Paging visits every row once.
    Set<Long> seen = new TreeSet<>();
    String next = "";
    int pages = 0;
    do {
      JsonNode page = ok(as("admin").get("/api/v1/audit?caseId=" + caseVenlo + "&limit=2" + next));
      page.get("items").forEach(r -> assertTrue(seen.add(r.get("id").asLong()), "row " + r.get("id") + " twice"));
      next = page.hasNonNull("next") ? "&after=" + page.get("next").asText() : null;
      pages++;
    } while (next != null && pages < 1000);
    assertTrue(seen.size() >= 3);
  }

  static boolean has(JsonNode rows, String sub, String action, String outcome, int status) {
    return StreamSupport.stream(rows.spliterator(), false).anyMatch(r -> r.get("sub").asText().equals(sub)
        && r.get("action").asText().equals(action) && r.get("outcome").asText().equals(outcome) && r.get("status").asInt() == status);
  }

  static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder().subject("t").expirationTime(Date.from(Instant.parse("2030-01-01T00:00:00Z")))
        .claim("roles", List.of("toegang")).claim("gemeenten", List.of(VENLO));
  }

  static String signed(String secret, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static void expect(List<String> wrong, Map<String, Integer> expected, String method, String path, String body) {
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      RegieClient client = as(e.getKey());
      RegieClient.Response r = method.equals("GET") ? client.get(path) : client.post(path, body);
      if (r.status() != e.getValue()) wrong.add(e.getKey() + ": " + method + " " + path + " → " + r.status() + ", expected " + e.getValue());
    }
  }

  static Set<String> listed(String who, String query) {
    Set<String> ids = new TreeSet<>();
    ok(as(who).get("/api/v1/cases" + query + (query.isEmpty() ? "?" : "&") + "limit=1000")).get("items")
        .forEach(i -> ids.add(i.get("caseId").asText()));
    return ids;
  }

  static Set<String> queued(String who, String query) {
    Set<String> ids = new TreeSet<>();
    ok(as(who).get("/api/v1/werkvoorraad" + query + (query.isEmpty() ? "?" : "&") + "limit=1000")).get("items")
        .forEach(i -> ids.add(i.get("caseId").asText()));
    return ids;
  }

  static long version(String caseId) {
    return ok(as("supervisor" + VENLO).get("/api/v1/cases/" + caseId)).get("version").asLong();
  }

  static RegieClient as(String who) {
    return new RegieClient(server.httpAddress().getPort()).withToken(TOKENS.get(who));
  }

  static String path(String caseId, String action) {
    return CaseWalk.path(caseId, action);
  }

  static JsonNode ok(RegieClient.Response response) {
    assertEquals(200, response.status(), response.body());
    return response.json();
  }

  static String meldingBody(String gemeente) {
    return CaseWalk.meldingBody(gemeente);
  }

  static RegieClient.Response melding(String toegang, String gemeente) {
    RegieClient.Response created = as(toegang).post("/api/v1/cases", meldingBody(gemeente));
    assertEquals(201, created.status(), created.body());
    return created;
  }

  /** A case of {@code gemeente} walked by its own toegang and backoffice to a toewijzing for {@code agb}. */
  static String toegewezen(String gemeente, String agb) {
    return CaseWalk.toegewezen(as("toegang" + gemeente), as("backoffice" + gemeente), gemeente, agb);
  }
}
