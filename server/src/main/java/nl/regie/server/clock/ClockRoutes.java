package nl.regie.server.clock;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import nl.regie.protocol.api.ClockChangeBody;
import nl.regie.server.http.JsonBodies;
import nl.regie.server.http.JsonRequests;
import nl.regie.server.http.ProblemResponses;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /admin/v1/clock} and {@code POST /admin/v1/clock} with {@code {"advance":"P3D"}} or
 * {@code {"set":"2027-01-15T09:00:00+01:00"}}. Only present under the virtual clock. A move is
 * answered once every node of the cluster has the new time (see {@link ClockSync}).
 */
public final class ClockRoutes {

  private final VirtualClock clock;
  private final ZoneId zone;
  private final Function<Instant, CompletionStage<Instant>> spread;

  /** {@code spread} tells the other nodes of a move and completes when they have it. */
  public ClockRoutes(VirtualClock clock, ZoneId zone, Function<Instant, CompletionStage<Instant>> spread) {
    this.clock = clock;
    this.zone = zone;
    this.spread = spread;
  }

  public Route route() {
    return path(segment("admin").slash("v1").slash("clock"), () -> concat(
        get(() -> complete(now(clock.instant()))),
        post(() -> JsonRequests.body(this::change))));
  }

  private Route change(String text) {
    JsonBodies.Read<ClockChangeBody> read = JsonBodies.read(text, ClockChangeBody.class);
    if (read.body().isEmpty()) return complete(ProblemResponses.badRequest(String.join("; ", read.problems()), read.problems()));
    ClockChangeBody change = read.body().get();
    try {
      Instant moved = change.set() != null ? clock.set(change.set().toInstant()) : advance(change.advance());
      return completeWithFuture(spread.apply(moved).thenApply(this::now));
    } catch (DateTimeParseException e) {
      List<String> errors = List.of("advance: an ISO-8601 duration or period, e.g. PT2H, P3D, P2W or P1M");
      return complete(ProblemResponses.badRequest(errors.get(0), errors));
    } catch (IllegalArgumentException e) {
      return complete(ProblemResponses.conflict(e.getMessage()));
    }
  }

  private Instant advance(String text) {
    try {
      return clock.advance(Duration.parse(text));
    } catch (DateTimeParseException notADuration) {
      return clock.advance(Period.parse(text), zone);
    }
  }

  private HttpResponse now(Instant instant) {
    return ProblemResponses.json(StatusCodes.OK, Map.of("now", instant.toString(), "zone", zone.getId(),
        "local", instant.atZone(zone).toOffsetDateTime().toString()));
  }
}
