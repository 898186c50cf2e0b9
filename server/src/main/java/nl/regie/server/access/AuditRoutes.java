package nl.regie.server.access;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterMap;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import nl.regie.persistence.AuditTrail;
import nl.regie.server.http.ProblemResponses;
import nl.regie.server.http.QueryParameters;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/audit?caseId=&sub=&from=&to=&after=&limit=}: the audit trail, oldest first,
 * for admin whole and for a supervisor as far as it concerns its gemeenten (the rows about their
 * cases, wherever a case is now, and the rows of requests made for them).
 */
public final class AuditRoutes {

  private static final int MAX_LIMIT = 1000;

  private final AuditTrail trail;
  private final Executor blocking;

  public AuditRoutes(AuditTrail trail, Executor blocking) {
    this.trail = trail;
    this.blocking = blocking;
  }

  /** A page of rows; {@code next} is the {@code after} of the following page. */
  public record Page(List<AuditTrail.AuditRow> items, Long next) {}

  public Route route(Principal principal) {
    return path(segment("api").slash("v1").slash("audit"), () -> get(() -> parameterMap(params -> find(principal, params))));
  }

  private Route find(Principal principal, Map<String, String> params) {
    if (!principal.is(Role.ADMIN) && !principal.is(Role.SUPERVISOR)) {
      return complete(ProblemResponses.forbidden("the audit trail is for admin and the supervisors"));
    }
    QueryParameters q = new QueryParameters(params, Set.of("caseId", "sub", "from", "to", "after", "limit"));
    AuditTrail.Query query = new AuditTrail.Query(
        principal.is(Role.ADMIN) ? null : principal.gemeenten(),
        q.text("caseId"), q.text("sub"), q.instant("from"), q.instant("to"), q.number("after", 0), q.limit(MAX_LIMIT));
    if (!q.valid()) return complete(ProblemResponses.badRequest(String.join("; ", q.errors()), q.errors()));
    return completeWithFuture(CompletableFuture.supplyAsync(() -> trail.find(query), blocking).thenApply(found -> {
      Long next = found.size() == query.limit() ? found.get(found.size() - 1).id() : null;
      return ProblemResponses.json(StatusCodes.OK, new Page(found, next));
    }));
  }
}
