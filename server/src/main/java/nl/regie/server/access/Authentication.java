package nl.regie.server.access;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractUri;
import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;

import java.util.Optional;
import java.util.function.Function;
import nl.regie.protocol.api.Problem;
import nl.regie.server.http.ProblemResponses;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Every request that needs to know who asks carries {@code Authorization: Bearer <JWT>} (a stream
 * may carry it as {@code ?access_token=} instead); without
 * one, or with one that proves nothing, it gets {@code 401} with {@code WWW-Authenticate: Bearer}
 * and a problem+json body, and goes no further.
 */
public final class Authentication {

  private final TokenVerifier verifier;

  public Authentication(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  public Route authenticated(Function<Principal, Route> inner) {
    return optionalHeaderValueByName("Authorization", header -> extractUri(uri -> {
      Optional<String> token = header.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim())
          .or(() -> isStream(uri.path()) ? uri.query().get("access_token") : Optional.empty());
      if (token.isEmpty()) return complete(unauthorized(null, "this needs a bearer token: Authorization: Bearer <JWT>"));
      Principal principal;
      try {
        principal = verifier.verify(token.get());
      } catch (InvalidTokenException e) {
        return complete(unauthorized("invalid_token", "the bearer token is not valid: " + e.getMessage()));
      }
      return inner.apply(principal);
    }));
  }

  /**
   * The streams: browsers cannot set a header on an EventSource or a WebSocket, so these alone take
   * the token as {@code ?access_token=} too (RFC 6750 §2.3). Nothing logs or audits a query string.
   */
  private static boolean isStream(String path) {
    return path.startsWith("/api/v1/stream/") || path.startsWith("/ws/");
  }

  static HttpResponse unauthorized(String error, String detail) {
    String challenge = error == null ? "Bearer realm=\"regie\"" : "Bearer realm=\"regie\", error=\"" + error + "\"";
    return ProblemResponses.of(Problem.of("unauthorized", "Unauthorized", 401, detail))
        .addHeader(RawHeader.create("WWW-Authenticate", challenge));
  }
}
