package nl.regie.server.metrics;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code GET /metrics}: public, like {@code /health}; it holds counts and times, no case data. */
public final class MetricsRoutes {

  private final ServerMetrics metrics;

  public MetricsRoutes(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  public Route route() {
    return path("metrics", () -> get(() -> complete(HttpResponse.create()
        .withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, metrics.scrape())))));
  }
}
