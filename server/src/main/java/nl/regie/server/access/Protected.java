package nl.regie.server.access;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefixTest;

import java.util.function.Function;
import java.util.regex.Pattern;
import nl.regie.server.http.ProblemResponses;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The part of Regie that needs to know who asks: everything under {@code /api}, {@code /iwmo},
 * {@code /ws} and {@code /admin}. The health checks, the metrics and the dashboard's static files
 * stay public; the dashboard's data comes from {@code /api}.
 */
public final class Protected {

  private static final Pattern PROTECTED = Pattern.compile("api|iwmo|ws|admin");

  private Protected() {}

  /** {@code inner} for the principal the token proves, under the protected prefixes. */
  public static Route routes(Authentication authentication, Function<Principal, Route> inner) {
    return pathPrefixTest(PathMatchers.segment(PROTECTED), top -> authentication.authenticated(inner));
  }

  /** {@code inner}, where {@code /admin} is for admin only ({@code 403} for the others, who are known but not allowed). */
  public static Route adminOnly(Principal principal, Route inner) {
    if (principal.is(Role.ADMIN)) return inner;
    return concat(pathPrefixTest("admin", () -> complete(ProblemResponses.forbidden("/admin is for admin only"))), inner);
  }
}
