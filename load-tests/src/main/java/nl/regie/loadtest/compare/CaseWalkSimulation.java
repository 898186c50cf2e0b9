package nl.regie.loadtest.compare;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import nl.regie.loadtest.CaseJourney;

/**
 * {@link OpenModel} in Gatling: each user walks one case, the same nine requests as {@link
 * CaseJourney}, and stops at the first that fails. Request names are the steps ({@code melding},
 * the seven actions, {@code lezen}), so Gatling's report gives latency per step.
 */
public final class CaseWalkSimulation extends Simulation {

  /** The last step's name: the read of the case, which must be in STOP. */
  static final String LEZEN = "lezen";

  public CaseWalkSimulation() {
    OpenModel model = OpenModel.current();
    ChainBuilder walk = exec(s -> s.set("draw", model.draw()).set("nummer", 0L))
        .exec(http("melding").post("/api/v1/cases").body(StringBody(s -> draw(s).melding()))
            .check(status().in(200, 201), jsonPath("$.caseId").saveAs("caseId")))
        .exitHereIfFailed();
    for (CaseJourney.Action action : CaseJourney.ACTIONS) {
      HttpRequestActionBuilder request = http(action.name()).post("/api/v1/cases/#{caseId}/" + action.name())
          .body(StringBody(s -> action.body().apply(draw(s), s.getLong("nummer"))));
      request = action.name().equals(CaseJourney.TOEWIJZEN)
          ? request.check(status().is(200), jsonPath("$.toewijzingen[0].toewijzingNummer").ofLong().saveAs("nummer"))
          : request.check(status().is(200));
      walk = walk.exec(request).exitHereIfFailed();
    }
    walk = walk.exec(http(LEZEN).get("/api/v1/cases/#{caseId}").check(status().is(200), jsonPath("$.fase").is("STOP")));
    setUp(scenario("case").exec(walk).injectOpen(constantUsersPerSec(model.casesPerSecond()).during(model.duration())))
        .protocols(http.baseUrl(model.base()).disableCaching().shareConnections()
            .contentTypeHeader("application/json").acceptHeader("application/json")
            .authorizationHeader("Bearer " + model.token()));
  }

  private static CaseJourney.Draw draw(Session s) {
    return s.get("draw");
  }
}
