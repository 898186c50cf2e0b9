package nl.regie.server.health;

import static org.apache.pekko.http.javadsl.server.Directives.*;

import java.util.Map;
import nl.regie.server.http.ProblemResponses;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /health/alive}: the process answers. {@code GET /health/ready}: 200 only when the
 * journal is usable and sharding is up (see {@link Readiness}), 503 otherwise.
 */
public final class HealthRoutes {

  private final Readiness readiness;

  public HealthRoutes(Readiness readiness) {
    this.readiness = readiness;
  }

  public Route route() {
    return pathPrefix("health", () -> concat(
        path("alive", () -> get(() -> complete(ProblemResponses.json(StatusCodes.OK, Map.of("status", "UP"))))),
        path("ready", () -> get(() -> completeWithFuture(readiness.check().thenApply(status ->
            ProblemResponses.json(status.ready() ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE, status)))))));
  }
}
