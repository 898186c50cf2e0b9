package nl.regie.server.cak;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;
import static org.apache.pekko.http.javadsl.server.Directives.parameterMap;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import nl.regie.persistence.CakAanlevering;
import nl.regie.server.access.Access;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.http.ProblemResponses;
import nl.regie.server.http.QueryParameters;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/cak?gemeente=0363&maand=2026-11}: the gemeente's CAK aanlevering of a month,
 * every start, stop and withdrawal Regie recorded in it; {@code GET /api/v1/cak/stand?gemeente=&maand=}:
 * every period of care that overlaps the month, as Regie knows it now. JSON, or with {@code
 * Accept: text/csv} CSV ({@link CakCsv}). Both carry full BSNs: only the gemeente's backoffice and
 * supervisors read them, and every request is on the audit trail with its query ({@code Audited}).
 */
public final class CakRoutes {

  private final CakAanlevering store;
  private final Executor blocking;

  public CakRoutes(CakAanlevering store, Executor blocking) {
    this.store = store;
    this.blocking = blocking;
  }

  /** A month of a gemeente's aanlevering (or stand); {@code items} in the order Regie recorded them (or by toewijzing). */
  public record Page<T>(String gemeente, YearMonth maand, List<T> items) {}

  public Route route(Principal principal) {
    return concat(
        path(segment("api").slash("v1").slash("cak"), () -> get(() -> read(principal, "mutaties", store::mutaties, CakCsv::mutaties))),
        path(segment("api").slash("v1").slash("cak").slash("stand"), () -> get(() -> read(principal, "stand", store::stand, CakCsv::stand))));
  }

  private <T> Route read(Principal principal, String name, Query<T> query, Function<List<T>, String> csv) {
    return parameterMap(params -> optionalHeaderValueByName("Accept", accept -> {
      if (!principal.is(Role.BACKOFFICE) && !principal.is(Role.SUPERVISOR)) {
        return complete(ProblemResponses.forbidden("the CAK aanlevering is for the gemeente's backoffice and supervisors"));
      }
      QueryParameters q = new QueryParameters(params, Set.of("gemeente", "maand"));
      String gemeente = q.gemeente("gemeente");
      if (!params.containsKey("gemeente")) q.errors().add("gemeente: required, a CBS gemeentecode (four digits)");
      YearMonth maand = maand(q, params.get("maand"));
      if (!q.valid()) return complete(ProblemResponses.badRequest(String.join("; ", q.errors()), q.errors()));
      if (!Access.readsCak(principal, gemeente)) {
        return complete(ProblemResponses.forbidden("the CAK aanlevering of gemeente " + gemeente + " is not yours to read"));
      }
      boolean asCsv = accept.map(CakRoutes::wantsCsv).orElse(false);
      return completeWithFuture(CompletableFuture.supplyAsync(() -> query.find(gemeente, maand), blocking).thenApply(found -> asCsv
          ? CakCsv.response("cak-" + name + "-" + gemeente + "-" + maand + ".csv", csv.apply(found))
          : ProblemResponses.json(StatusCodes.OK, new Page<>(gemeente, maand, found))));
    }));
  }

  /** How a month of one gemeente is read from the store. */
  @FunctionalInterface
  private interface Query<T> {
    List<T> find(String gemeente, YearMonth maand);
  }

  private static YearMonth maand(QueryParameters q, String value) {
    if (value == null) {
      q.errors().add("maand: required, a month such as 2026-11");
      return null;
    }
    try {
      if (value.matches("[0-9]{4}-[0-9]{2}")) return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      // reported below, like any other shape
    }
    q.errors().add("maand: a month such as 2026-11");
    return null;
  }

  /** CSV when the client names text/csv before (or without) JSON; JSON otherwise, also for a bare Accept. */
  static boolean wantsCsv(String accept) {
    int csv = accept.indexOf("text/csv");
    if (csv < 0) return false;
    int json = accept.indexOf("application/json");
    return json < 0 || csv < json;
  }
}
