package nl.regie.server.http;

import static org.apache.pekko.http.javadsl.server.Directives.withRequestTimeout;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Every request gets an answer within {@code timeout}: a 503 when the route has not answered by
 * then. Pekko HTTP closes the connection after a timeout answer, so the answer says so
 * ({@code Connection: close}); without it a client puts the connection back in its pool and its
 * next request there fails before a byte comes back.
 */
public final class AnswerDeadline {

  private AnswerDeadline() {}

  public static Route of(Duration timeout, Supplier<Route> inner) {
    return withRequestTimeout(timeout, request -> ProblemResponses.unavailable("Regie did not answer in time; try again")
        .addHeader(Connection.create("close")), inner);
  }
}
