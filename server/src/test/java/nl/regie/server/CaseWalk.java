package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A case made and walked over the v1 API, as the toegang and backoffice of its gemeente would. */
final class CaseWalk {

  private CaseWalk() {}

  /** A melding of 1 September 2026 for {@code gemeente}; its caseId. */
  static String melding(RegieClient toegang, String gemeente) {
    return melding(toegang, gemeente, "2026-09-01");
  }

  /** A melding of {@code meldingOp} (ISO date) for {@code gemeente}; its caseId. */
  static String melding(RegieClient toegang, String gemeente, String meldingOp) {
    return ok(toegang.post("/api/v1/cases", meldingBody(gemeente).replace("2026-09-01", meldingOp)), 201).get("caseId").asText();
  }

  /** A case of {@code gemeente} walked by its toegang and backoffice to a toewijzing for {@code agb}; its caseId. */
  static String toegewezen(RegieClient toegang, RegieClient backoffice, String gemeente, String agb) {
    String caseId = melding(toegang, gemeente);
    ok(toegang.post(path(caseId, "screening-starten"), "{}"), 200);
    ok(toegang.post(path(caseId, "screening-afronden"), "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + gemeente + "\"}"), 200);
    ok(toegang.post(path(caseId, "onderzoek-afronden"), "{\"verslagVerstuurdOp\":\"2026-09-20\"}"), 200);
    ok(toegang.post(path(caseId, "aanvraag-ontvangen"), "{\"ondertekendOp\":\"2026-09-25\"}"), 200);
    ok(backoffice.post(path(caseId, "toewijzen"), "{\"beschiktOp\":\"2026-10-01\",\"toewijzingen\":[{\"product\":\"02A02\","
        + "\"aanbieder\":\"" + agb + "\",\"ingangsdatum\":\"2026-12-01\",\"einddatum\":\"2027-10-04\","
        + "\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}"), 200);
    return caseId;
  }

  static String meldingBody(String gemeente) {
    return "{\"bsn\":\"999993653\",\"gemeente\":\"" + gemeente + "\",\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"gemeente\","
        + "\"meldingOp\":\"2026-09-01\",\"client\":{\"naam\":{\"achternaam\":\"Jansen\",\"voorletters\":\"P\"},"
        + "\"geboortedatum\":\"1960-03-01\",\"geslacht\":\"1\",\"adres\":{\"straatnaam\":\"Markt\",\"huisnummer\":1,"
        + "\"postcode\":\"5911AB\",\"plaatsnaam\":\"Venlo\"}}}";
  }

  static String path(String caseId, String action) {
    return "/api/v1/cases/" + caseId + "/" + action;
  }

  private static com.fasterxml.jackson.databind.JsonNode ok(RegieClient.Response response, int status) {
    assertEquals(status, response.status(), response.body());
    return response.json();
  }
}
