package nl.regie.server.access;

import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapRouteResultWith;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.regie.persistence.AuditTrail;
import nl.regie.server.http.ProblemResponses;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.server.Complete;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.server.RouteResult;
import org.apache.pekko.http.javadsl.server.RouteResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request a principal makes goes on the audit trail (NEN 7513): who, with which roles and
 * for which gemeenten or AGB, from where, what it asked, about which case or bericht, and how it
 * ended. The answer waits until its row is committed (the trail batches rows, so this costs no
 * transaction of its own). A read whose row cannot be written is not answered (503): no look at a
 * case goes unrecorded. A change whose row cannot be written has already happened, so its answer
 * goes out and the gap is logged.
 */
public final class Audited {

  private static final Logger log = LoggerFactory.getLogger(Audited.class);
  private static final Pattern CASE = Pattern.compile("^/api/v1/cases/([^/]+)");
  private static final Pattern BERICHT = Pattern.compile("^/iwmo/v1/berichten/([^/]+)");
  /** Reads of BSNs in bulk: their row says which gemeente and month was read. */
  private static final Pattern WITH_QUERY = Pattern.compile("^/api/v1/cak(/.*)?$");

  private final AuditTrail trail;
  private final Clock clock;

  public Audited(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  public Route route(Principal principal, Route inner) {
    return extractRequest(request -> mapRouteResultWith(result -> record(principal, request, result), () -> inner));
  }

  private CompletionStage<RouteResult> record(Principal principal, HttpRequest request, RouteResult result) {
    // A rejection is answered further out (404, 405, 400); it is on the record as what it will be.
    int status = result instanceof Complete complete ? complete.getResponse().status().intValue() : 404;
    AuditTrail.Entry entry = entry(principal, request, status);
    boolean read = request.method().isSafe();
    return trail.record(entry).handle((written, failure) -> {
      if (failure == null) return result;
      if (read) return (RouteResult) RouteResults.complete(ProblemResponses.unavailable("the audit trail is not available; try again"));
      log.error("audit row not written for {} {} by {} ({}): {}", request.method().name(), entry.action(), principal.sub(), status,
          failure.getMessage());
      return result;
    });
  }

  /**
   * The peer address is the connection's own (pekko.http.server.remote-address-attribute): behind a
   * proxy that is the proxy's; a client's X-Forwarded-For is not trusted, it could name anyone.
   */
  private AuditTrail.Entry entry(Principal principal, HttpRequest request, int status) {
    String path = request.getUri().path();
    return new AuditTrail.Entry(
        clock.instant(),
        principal.sub(),
        principal.roles().stream().map(Role::claim).sorted().toList(),
        principal.agb(),
        principal.gemeenten().stream().sorted().toList(),
        request.getAttribute(AttributeKeys.remoteAddress).flatMap(RemoteAddress::getAddress).map(a -> a.getHostAddress()).orElse(null),
        action(request, path),
        first(CASE, path).orElse(null),
        first(BERICHT, path).orElse(null),
        outcome(status),
        status);
  }

  /**
   * What was asked. A read of the CAK aanlevering names its gemeente and month: only those two
   * parameters, each cut short, so that whatever else a client typed in the query (a BSN) stays
   * off the trail.
   */
  private static String action(HttpRequest request, String path) {
    String action = request.method().name() + " " + path;
    if (!WITH_QUERY.matcher(path).matches()) return action;
    List<String> asked = new ArrayList<>();
    for (String name : List.of("gemeente", "maand")) {
      request.getUri().query().get(name).ifPresent(value -> asked.add(name + "=" + value.substring(0, Math.min(value.length(), 16))));
    }
    return asked.isEmpty() ? action : action + "?" + String.join("&", asked);
  }

  static AuditTrail.Outcome outcome(int status) {
    if (status < 400) return AuditTrail.Outcome.ALLOWED;
    if (status == 403) return AuditTrail.Outcome.REFUSED;
    if (status == 404) return AuditTrail.Outcome.NOT_FOUND;
    return AuditTrail.Outcome.REJECTED;
  }

  private static Optional<String> first(Pattern pattern, String path) {
    Matcher m = pattern.matcher(path);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
