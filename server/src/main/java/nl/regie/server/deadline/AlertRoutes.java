package nl.regie.server.deadline;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import nl.regie.persistence.AlertStore;
import nl.regie.protocol.api.AlertView;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.http.ProblemResponses;
import nl.regie.server.http.QueryParameters;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/alerts?gemeente=0983&level=MISSED&caseId=…&code=D8&after=…&limit=…}: the
 * alerts raised, oldest first; {@code next} is the {@code after} for the following page.
 */
public final class AlertRoutes {

  private static final int MAX_LIMIT = 1000;

  private final AlertStore alerts;
  private final Executor blocking;

  public AlertRoutes(AlertStore alerts, Executor blocking) {
    this.alerts = alerts;
    this.blocking = blocking;
  }

  /** A page of alerts. */
  public record Page(List<AlertView> items, Long next) {}

  /** The alerts {@code principal} may see: of its gemeenten, and those its aanbieder must act on. */
  public Route route(Principal principal) {
    return path(segment("api").slash("v1").slash("alerts"), () -> get(() -> parameterMap(params -> find(principal, params))));
  }

  public static AlertStore.Scope scope(Principal principal) {
    return new AlertStore.Scope(principal.gemeentenInRole(), principal.is(Role.AANBIEDER) ? "aanbieder:" + principal.agb() : null);
  }

  private Route find(Principal principal, Map<String, String> params) {
    AlertStore.Scope scope = scope(principal);
    if (scope.isEmpty()) return complete(ProblemResponses.forbidden("alerts are for the gemeenten's roles and the aanbieders"));
    QueryParameters q = new QueryParameters(params, Set.of("gemeente", "level", "caseId", "code", "after", "limit"));
    String gemeente = q.gemeente("gemeente");
    String level = q.text("level", v -> Arrays.stream(AlertLevel.values()).anyMatch(l -> l.name().equals(v)),
        "one of WARNING, MISSED, ESCALATED");
    long after = q.number("after", 0);
    int limit = q.limit(MAX_LIMIT);
    if (!q.valid()) return complete(ProblemResponses.badRequest(String.join("; ", q.errors()), q.errors()));
    AlertStore.Query query = new AlertStore.Query(scope, gemeente, level == null ? null : AlertLevel.valueOf(level),
        q.text("caseId"), q.text("code"), after, limit);
    return completeWithFuture(CompletableFuture.supplyAsync(() -> alerts.find(query), blocking).thenApply(found -> {
      Long next = found.size() == query.limit() ? found.get(found.size() - 1).id() : null;
      return ProblemResponses.json(StatusCodes.OK, new Page(found, next));
    }));
  }
}
