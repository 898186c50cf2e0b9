package nl.regie.server.cases;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterMap;
import static org.apache.pekko.http.javadsl.server.Directives.pathEndOrSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import nl.regie.persistence.Werkvoorraad;
import nl.regie.protocol.api.WerkvoorraadView;
import nl.regie.protocol.cases.Partij;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.http.ProblemResponses;
import nl.regie.server.http.QueryParameters;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/werkvoorraad?gemeente=&aanZet=&after=&limit=}: the work queue, the open cases
 * a principal may see, nearest due running deadline first and those without one last, from the
 * case list read model (a moment behind the cases themselves). The scope is the case list's: a
 * gemeente role's gemeenten, an aanbieder's cases with a toewijzing or verzoek of its AGB; admin,
 * who sees no case, is refused ({@code 403}, as for the alerts). The BSN is masked for everyone.
 */
public final class WerkvoorraadRoutes {

  private static final int MAX_LIMIT = 1000;

  private final Werkvoorraad queue;
  private final Executor blocking;

  public WerkvoorraadRoutes(Werkvoorraad queue, Executor blocking) {
    this.queue = queue;
    this.blocking = blocking;
  }

  /** A page of the queue; {@code next} is the {@code after} of the following page, an opaque token. */
  public record Page(List<WerkvoorraadView> items, String next) {}

  public Route route(Principal principal) {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("werkvoorraad", () -> pathEndOrSingleSlash(() ->
        get(() -> parameterMap(params -> find(principal, params)))))));
  }

  private Route find(Principal principal, Map<String, String> params) {
    Set<String> gemeenten = principal.gemeentenInRole();
    String agb = principal.is(Role.AANBIEDER) ? principal.agb() : null;
    if (gemeenten.isEmpty() && agb == null) {
      return complete(ProblemResponses.forbidden("the work queue is for the gemeenten's roles and the aanbieders"));
    }
    QueryParameters q = new QueryParameters(params, Set.of("gemeente", "aanZet", "after", "limit"));
    String gemeente = q.gemeente("gemeente");
    String aanZet = q.text("aanZet", v -> partij(v).isPresent(),
        "one of " + String.join(", ", Arrays.stream(Partij.values()).map(Partij::json).toList()));
    String after = q.text("after", v -> WerkvoorraadCursor.decode(v).isPresent(), "the next of a page before");
    int limit = q.limit(MAX_LIMIT);
    if (!q.valid()) return complete(ProblemResponses.badRequest(String.join("; ", q.errors()), q.errors()));
    Werkvoorraad.Query query = new Werkvoorraad.Query(gemeenten, agb, gemeente,
        aanZet == null ? null : partij(aanZet).orElseThrow(), after == null ? null : WerkvoorraadCursor.decode(after).orElseThrow(),
        limit);
    return completeWithFuture(CompletableFuture.supplyAsync(() -> queue.find(query), blocking).thenApply(found -> {
      String next = null;
      if (found.size() == limit) {
        WerkvoorraadView last = found.get(found.size() - 1);
        next = WerkvoorraadCursor.encode(new Werkvoorraad.After(last.nextDeadline() == null ? null : last.nextDeadline().due(),
            last.caseId()));
      }
      return ProblemResponses.json(StatusCodes.OK, new Page(found, next));
    }));
  }

  /** The party as the API spells it ({@code toegang}, {@code backoffice}, {@code inwoner}, {@code aanbieder}). */
  private static Optional<Partij> partij(String json) {
    return Arrays.stream(Partij.values()).filter(p -> p.json().equals(json)).findFirst();
  }
}
