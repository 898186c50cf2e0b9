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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import nl.regie.persistence.CaseList;
import nl.regie.protocol.api.CaseSummaryView;
import nl.regie.protocol.cases.Fase;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.http.ProblemResponses;
import nl.regie.server.http.QueryParameters;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/cases?gemeente=&fase=&aanbieder=&after=&limit=}: the cases a principal may
 * see, by case id, from the case list read model (a moment behind the cases themselves). Whatever
 * the query asks, the list holds only the principal's own: its gemeenten's cases, or an
 * aanbieder's cases with a toewijzing or verzoek of its AGB. The BSN is masked for everyone.
 */
public final class CaseListRoutes {

  private static final int MAX_LIMIT = 1000;

  private final CaseList list;
  private final Executor blocking;

  public CaseListRoutes(CaseList list, Executor blocking) {
    this.list = list;
    this.blocking = blocking;
  }

  /** A page of cases; {@code next} is the {@code after} of the following page. */
  public record Page(List<CaseSummaryView> items, String next) {}

  public Route route(Principal principal) {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("cases", () -> pathEndOrSingleSlash(() ->
        get(() -> parameterMap(params -> find(principal, params)))))));
  }

  private Route find(Principal principal, Map<String, String> params) {
    QueryParameters q = new QueryParameters(params, Set.of("gemeente", "fase", "aanbieder", "after", "limit"));
    String gemeente = q.gemeente("gemeente");
    String fase = q.text("fase", v -> Arrays.stream(Fase.values()).anyMatch(f -> f.name().equals(v)),
        "one of " + String.join(", ", Arrays.stream(Fase.values()).map(Fase::name).toList()));
    String aanbieder = q.text("aanbieder", v -> v.matches("[0-9]{8}"), "an AGB code (eight digits)");
    String after = q.text("after");
    int limit = q.limit(MAX_LIMIT);
    if (!q.valid()) return complete(ProblemResponses.badRequest(String.join("; ", q.errors()), q.errors()));
    CaseList.Query query = new CaseList.Query(principal.gemeentenInRole(), principal.is(Role.AANBIEDER) ? principal.agb() : null,
        gemeente, fase, aanbieder, after, limit);
    return completeWithFuture(CompletableFuture.supplyAsync(() -> list.find(query), blocking).thenApply(found -> {
      String next = found.size() == limit ? found.get(found.size() - 1).caseId() : null;
      return ProblemResponses.json(StatusCodes.OK, new Page(found, next));
    }));
  }
}
