package nl.regie.server.webhook;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.longSegment;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import nl.regie.persistence.Webhooks;
import nl.regie.protocol.api.WebhookBody;
import nl.regie.protocol.api.WebhookDeliveryView;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.server.http.JsonBodies;
import nl.regie.server.http.JsonRequests;
import nl.regie.server.http.ProblemResponses;
import nl.regie.server.http.QueryParameters;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The webhooks, for admin ({@code /admin} is admin's alone):
 *
 * <ul>
 *   <li>{@code POST /admin/v1/webhooks} {@code {"gemeente":"0983","level":"MISSED","url":"https://…"}}:
 *       {@code 201} with the webhook and its signing secret, shown this once;
 *   <li>{@code GET /admin/v1/webhooks}: every webhook with its deliveries counted;
 *   <li>{@code GET /admin/v1/webhooks/{id}/deliveries?after=&limit=}: how each alert's delivery stands;
 *   <li>{@code DELETE /admin/v1/webhooks/{id}}: no more alerts to it.
 * </ul>
 */
public final class WebhookRoutes {

  private static final int MAX_LIMIT = 1000;

  private final Webhooks webhooks;
  private final Predicate<String> gemeenteExists;
  private final Clock clock;
  private final Executor blocking;

  public WebhookRoutes(Webhooks webhooks, Predicate<String> gemeenteExists, Clock clock, Executor blocking) {
    this.webhooks = webhooks;
    this.gemeenteExists = gemeenteExists;
    this.clock = clock;
    this.blocking = blocking;
  }

  /** A page of deliveries; {@code next} is the {@code after} of the following page. */
  public record Page(List<WebhookDeliveryView> items, Long next) {}

  public Route route() {
    return pathPrefix(segment("admin").slash("v1").slash("webhooks"), () -> concat(
        pathEnd(() -> concat(
            post(() -> JsonRequests.body(this::register)),
            get(() -> answer(() -> ProblemResponses.json(StatusCodes.OK, Map.of("items", webhooks.all())))))),
        path(longSegment(), id -> concat(
            get(() -> answer(() -> webhooks.find(id).map(w -> ProblemResponses.json(StatusCodes.OK, w))
                .orElseGet(() -> ProblemResponses.notFound("no webhook " + id)))),
            delete(() -> answer(() -> webhooks.deactivate(id, clock.instant()) ? HttpResponse.create().withStatus(StatusCodes.NO_CONTENT)
                : ProblemResponses.notFound("no active webhook " + id))))),
        path(longSegment().slash("deliveries"), id -> get(() -> parameterMap(params -> deliveries(id, params))))));
  }

  private Route register(String text) {
    JsonBodies.Read<WebhookBody> read = JsonBodies.read(text, WebhookBody.class);
    if (read.body().isEmpty()) return complete(ProblemResponses.badRequest(String.join("; ", read.problems()), read.problems()));
    WebhookBody body = read.body().get();
    if (!gemeenteExists.test(body.gemeente())) {
      List<String> problems = List.of("gemeente: " + body.gemeente() + " is not a gemeente of the CBS list");
      return complete(ProblemResponses.badRequest(problems.get(0), problems));
    }
    AlertLevel level = body.level() == null ? null : AlertLevel.valueOf(body.level());
    return answer(() -> ProblemResponses.json(StatusCodes.CREATED,
        webhooks.register(body.gemeente(), level, body.url(), WebhookSignature.newSecret(), clock.instant())));
  }

  private Route deliveries(long id, Map<String, String> params) {
    QueryParameters q = new QueryParameters(params, Set.of("after", "limit"));
    long after = q.number("after", 0);
    int limit = q.limit(MAX_LIMIT);
    if (!q.valid()) return complete(ProblemResponses.badRequest(String.join("; ", q.errors()), q.errors()));
    return answer(() -> {
      if (webhooks.find(id).isEmpty()) return ProblemResponses.notFound("no webhook " + id);
      List<WebhookDeliveryView> found = webhooks.deliveries(id, after, limit);
      return ProblemResponses.json(StatusCodes.OK, new Page(found, found.size() == limit ? found.get(found.size() - 1).id() : null));
    });
  }

  private Route answer(Supplier<HttpResponse> work) {
    return completeWithFuture(CompletableFuture.supplyAsync(work, blocking));
  }
}
