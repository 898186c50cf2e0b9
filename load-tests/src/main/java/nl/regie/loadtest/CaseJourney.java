package nl.regie.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import nl.regie.protocol.api.ApiJson;

/**
 * One case's whole life over HTTP, as a region's toegang, backoffice and aanbieder would drive it:
 * melding, screening, onderzoek, aanvraag, toewijzing, start and stop of care. Nine requests.
 */
final class CaseJourney {

  private final HttpClient http;
  private final String base;
  private final String authorization;
  private final Latencies latencies;

  /** {@code token}: a bearer token of the region's toegang and backoffice (the bare anchor ignores it). */
  CaseJourney(HttpClient http, String base, String token, Latencies latencies) {
    this.http = http;
    this.base = base;
    this.authorization = "Bearer " + token;
    this.latencies = latencies;
  }

  /** Completes with the final fase, or fails with the first unexpected answer. */
  CompletionStage<String> run(Region region, Random random) {
    String gemeente = region.gemeenten().get(random.nextInt(region.gemeenten().size()));
    String aanbieder = region.aanbieders().get(random.nextInt(region.aanbieders().size()));
    String melding = "{\"bsn\":\"" + Bsns.next(random) + "\",\"gemeente\":\"" + gemeente + "\",\"regeling\":\"" + region.regeling()
        + "\",\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-24\"}";
    return post("/api/v1/cases", melding).thenCompose(created -> {
      String path = "/api/v1/cases/" + created.get("caseId").asText() + "/";
      return post(path + "screening-starten", "{}")
          .thenCompose(v -> post(path + "screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + gemeente + "\"}"))
          .thenCompose(v -> post(path + "onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-12-01\"}"))
          .thenCompose(v -> post(path + "aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-12-05\"}"))
          .thenCompose(v -> post(path + "toewijzen", "{\"beschiktOp\":\"2026-12-10\",\"toewijzingen\":[{\"product\":\"02A02\",\"aanbieder\":\""
              + aanbieder + "\",\"ingangsdatum\":\"2027-01-01\",\"einddatum\":\"2027-12-31\",\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}"))
          .thenApply(view -> view.at("/toewijzingen/0/toewijzingNummer").asLong())
          .thenCompose(nummer -> post(path + "zorg-gestart", "{\"toewijzingNummer\":" + nummer + ",\"begindatum\":\"2027-01-03\"}")
              .thenCompose(v -> post(path + "zorg-gestopt", "{\"toewijzingNummer\":" + nummer + ",\"einddatum\":\"2027-06-30\",\"reden\":\"19\"}")))
          .thenCompose(v -> get(path.substring(0, path.length() - 1)))
          .thenApply(view -> view.get("fase").asText());
    });
  }

  private CompletionStage<JsonNode> post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private CompletionStage<JsonNode> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET());
  }

  private CompletionStage<JsonNode> send(HttpRequest.Builder request) {
    long start = System.nanoTime();
    return http.sendAsync(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> {
          latencies.record(System.nanoTime() - start);
          if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                + " answered " + response.statusCode() + ": " + response.body());
          }
          return parse(response.body());
        });
  }

  private static JsonNode parse(String body) {
    try {
      return ApiJson.mapper().readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }
}
