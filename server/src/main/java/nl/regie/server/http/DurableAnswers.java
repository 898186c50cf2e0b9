package nl.regie.server.http;

import static org.apache.pekko.http.javadsl.server.Directives.mapRouteResultWith;

import java.util.function.Supplier;
import nl.regie.persistence.Durability;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * No answer leaves before what it reports is durable. A route's result, whatever it is, waits for
 * the database's {@link Durability}; when that fails the answer is a 503, never a success that a
 * crash could take back.
 */
public final class DurableAnswers {

  private DurableAnswers() {}

  public static Route of(Durability durability, Supplier<Route> inner) {
    return mapRouteResultWith(result -> durability.awaitDurable().thenApply(durable -> result), inner);
  }
}
