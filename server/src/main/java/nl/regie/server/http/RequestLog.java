package nl.regie.server.http;

import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapResponse;

import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request at DEBUG ({@code REGIE_LOG_LEVEL=DEBUG}): method, path and status. Never
 * the query string or a body, which may hold a BSN; who asked is on the audit trail instead.
 */
public final class RequestLog {

  private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

  private RequestLog() {}

  public static Route of(Supplier<Route> inner) {
    if (!log.isDebugEnabled()) return inner.get();
    return extractRequest(request -> mapResponse(response -> {
      log.debug("{} {} {}", request.method().name(), request.getUri().path(), response.status().intValue());
      return response;
    }, inner));
  }
}
