package nl.regie.server.dashboard;

import static org.apache.pekko.http.javadsl.server.Directives.*;

import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The dashboard: {@code GET /} and its files under {@code /dashboard/}, served from the jar (no
 * CDN, no build step). The files are public; every figure on the page comes from the API with the
 * token the user gives it. The page runs only its own script, so a strict policy costs nothing.
 */
public final class DashboardRoutes {

  private static final List<HttpHeader> HEADERS = List.of(
      RawHeader.create("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
      RawHeader.create("X-Content-Type-Options", "nosniff"),
      RawHeader.create("Referrer-Policy", "no-referrer"));

  public Route route() {
    return get(() -> respondWithHeaders(HEADERS, () -> concat(
        pathSingleSlash(() -> getFromResource("dashboard/index.html")),
        pathPrefix("dashboard", () -> getFromResourceDirectory("dashboard")))));
  }
}
