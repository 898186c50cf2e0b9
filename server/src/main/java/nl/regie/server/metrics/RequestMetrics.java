package nl.regie.server.metrics;

import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Every HTTP request timed by method, route and status ({@code http.server.requests}, with a
 * latency histogram). The route is the path with its ids replaced ({@code
 * /api/v1/cases/{id}/toewijzen}), and every 404 is one route ({@code unmatched}), so that no client
 * can grow the number of series by asking for paths.
 */
public final class RequestMetrics {

  private static final Pattern VERSION = Pattern.compile("v[0-9]+");

  private RequestMetrics() {}

  public static Route of(MeterRegistry registry, Supplier<Route> inner) {
    return extractRequest(request -> {
      Timer.Sample sample = Timer.start(registry);
      return mapResponse(response -> {
        int status = response.status().intValue();
        sample.stop(Timer.builder("http.server.requests").description("HTTP requests by method, route and status")
            .tag("method", request.method().name())
            .tag("route", status == 404 ? "unmatched" : route(request.getUri().path()))
            .tag("status", Integer.toString(status))
            .publishPercentileHistogram()
            .register(registry));
        return response;
      }, inner);
    });
  }

  /** The path with every segment that holds a digit (an id, a number, an AGB), but the version, as {@code {id}}. */
  static String route(String path) {
    StringBuilder route = new StringBuilder();
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) continue;
      boolean id = segment.chars().anyMatch(Character::isDigit) && !VERSION.matcher(segment).matches();
      route.append('/').append(id ? "{id}" : segment);
    }
    return route.length() == 0 ? "/" : route.toString();
  }
}
