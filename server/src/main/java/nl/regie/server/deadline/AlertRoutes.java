package nl.regie.server.deadline;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import nl.regie.persistence.AlertStore;
import nl.regie.protocol.api.AlertView;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.server.http.ProblemResponses;
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

  public Route route() {
    return path(segment("api").slash("v1").slash("alerts"), () -> get(() -> parameterMap(this::find)));
  }

  private Route find(Map<String, String> params) {
    List<String> errors = new ArrayList<>();
    String gemeente = params.get("gemeente");
    if (gemeente != null && !gemeente.matches("[0-9]{4}")) errors.add("gemeente: a CBS gemeentecode (four digits)");
    AlertLevel level = null;
    if (params.containsKey("level")) {
      try {
        level = AlertLevel.valueOf(params.get("level"));
      } catch (IllegalArgumentException e) {
        errors.add("level: one of WARNING, MISSED, ESCALATED");
      }
    }
    long after = number(params, "after", 0, errors);
    long limit = number(params, "limit", 100, errors);
    if (limit < 1 || limit > MAX_LIMIT) errors.add("limit: between 1 and " + MAX_LIMIT);
    for (String name : params.keySet()) {
      if (!List.of("gemeente", "level", "caseId", "code", "after", "limit").contains(name)) errors.add(name + ": unknown parameter");
    }
    if (!errors.isEmpty()) return complete(ProblemResponses.badRequest(String.join("; ", errors), errors));
    AlertStore.Query query = new AlertStore.Query(gemeente, level, params.get("caseId"), params.get("code"), after, (int) limit);
    return completeWithFuture(CompletableFuture.supplyAsync(() -> alerts.find(query), blocking).thenApply(found -> {
      Long next = found.size() == query.limit() ? found.get(found.size() - 1).id() : null;
      return ProblemResponses.json(StatusCodes.OK, new Page(found, next));
    }));
  }

  private static long number(Map<String, String> params, String name, long fallback, List<String> errors) {
    return Optional.ofNullable(params.get(name)).map(v -> {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        errors.add(name + ": a whole number");
        return fallback;
      }
    }).orElse(fallback);
  }
}
