package nl.regie.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import nl.regie.protocol.api.ApiJson;

/**
 * One case's whole life over HTTP, as a region's toegang, backoffice and aanbieder would drive it:
 * melding, screening, onderzoek, aanvraag, toewijzing, start and stop of care, and a last read.
 * Nine requests. The requests themselves ({@link Draw}, {@link #ACTIONS}) are public so that
 * another client (Gatling, in {@code compare}) walks exactly the same case.
 */
public final class CaseJourney {

  /** What is drawn for one case: its regeling, gemeente, aanbieder and cliënt. */
  public record Draw(String regeling, String gemeente, String aanbieder, String bsn) {

    public static Draw of(Region region, Random random) {
      String gemeente = region.gemeenten().get(random.nextInt(region.gemeenten().size()));
      String aanbieder = region.aanbieders().get(random.nextInt(region.aanbieders().size()));
      return new Draw(region.regeling(), gemeente, aanbieder, Bsns.next(random));
    }

    /** The body of {@code POST /api/v1/cases}. */
    public String melding() {
      return "{\"bsn\":\"" + bsn + "\",\"gemeente\":\"" + gemeente + "\",\"regeling\":\"" + regeling
          + "\",\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-24\"}";
    }
  }

  /**
   * A request after the melding: {@code POST /api/v1/cases/{caseId}/{name}} with a body made of the
   * draw and the case's toewijzingNummer (0 until {@link #TOEWIJZEN} has answered with it).
   */
  public record Action(String name, BiFunction<Draw, Long, String> body) {}

  /** The action whose answer carries the toewijzingNummer, at {@code /toewijzingen/0/toewijzingNummer}. */
  public static final String TOEWIJZEN = "toewijzen";

  /** The seven actions from melding to stop, in order. */
  public static final List<Action> ACTIONS = List.of(
      new Action("screening-starten", (d, nummer) -> "{}"),
      new Action("screening-afronden", (d, nummer) -> "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + d.gemeente() + "\"}"),
      new Action("onderzoek-afronden", (d, nummer) -> "{\"verslagVerstuurdOp\":\"2026-12-01\"}"),
      new Action("aanvraag-ontvangen", (d, nummer) -> "{\"ondertekendOp\":\"2026-12-05\"}"),
      new Action(TOEWIJZEN, (d, nummer) -> "{\"beschiktOp\":\"2026-12-10\",\"toewijzingen\":[{\"product\":\"02A02\",\"aanbieder\":\""
          + d.aanbieder() + "\",\"ingangsdatum\":\"2027-01-01\",\"einddatum\":\"2027-12-31\",\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}"),
      new Action("zorg-gestart", (d, nummer) -> "{\"toewijzingNummer\":" + nummer + ",\"begindatum\":\"2027-01-03\"}"),
      new Action("zorg-gestopt", (d, nummer) -> "{\"toewijzingNummer\":" + nummer + ",\"einddatum\":\"2027-06-30\",\"reden\":\"19\"}"));

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
    Draw draw = Draw.of(region, random);
    return post("/api/v1/cases", draw.melding()).thenCompose(created -> {
      String path = "/api/v1/cases/" + created.get("caseId").asText();
      CompletionStage<Long> walked = CompletableFuture.completedFuture(0L);
      for (Action action : ACTIONS) {
        walked = walked.thenCompose(nummer -> post(path + "/" + action.name(), action.body().apply(draw, nummer))
            .thenApply(view -> action.name().equals(TOEWIJZEN) ? view.at("/toewijzingen/0/toewijzingNummer").asLong() : nummer));
      }
      return walked.thenCompose(nummer -> get(path)).thenApply(view -> view.get("fase").asText());
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
