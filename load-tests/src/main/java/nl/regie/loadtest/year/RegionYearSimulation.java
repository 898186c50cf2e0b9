package nl.regie.loadtest.year;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import nl.regie.protocol.api.ApiJson;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.server.access.Role;

/**
 * A region's year in Gatling: {@code werkers} users take the script's steps from the {@link
 * Timeline}, day by day, each step as the party that takes it would, with its own token: the
 * toegang and the backoffice over {@code /api/v1}, each aanbieder over iWmo XML (reading its
 * WMO301 from its outbox, answering with a WMO302, starting and stopping care with a WMO305 and a
 * WMO307, whose retour must approve them). Between days one user moves the virtual clock
 * ({@code POST /admin/v1/clock}) and, as a supervisor, reads the alerts until those due have come.
 * Request names are the steps, so Gatling's report gives latency per request type.
 */
public final class RegionYearSimulation extends Simulation {

  private static final String CLIENT = "\"client\":{\"naam\":{\"achternaam\":\"Jansen\",\"voorletters\":\"P\"},"
      + "\"geboortedatum\":\"1960-03-01\",\"geslacht\":\"1\",\"adres\":{\"straatnaam\":\"Markt\",\"huisnummer\":1,"
      + "\"postcode\":\"5911AB\",\"plaatsnaam\":\"Venlo\"}}";
  /** How often a user looks again for something that is not there yet (a WMO301, an alert, work). */
  private static final Duration POLL = Duration.ofMillis(10);
  /** How many times it looks before it gives up: 20 s of polling; the verdict then fails. */
  private static final int MAX_POLLS = 2000;

  private final YearRun run = YearRun.current();

  public RegionYearSimulation() {
    HttpProtocolBuilder protocol = http.baseUrl(run.base()).disableCaching().shareConnections()
        .contentTypeHeader("application/json").acceptHeader("application/json");
    ScenarioBuilder parties = scenario(run.script().profile().naam())
        .asLongAs(s -> !run.timeline().isDone()).on(
            exec(s -> s.set("task", run.timeline().next()))
                .exec(s -> s.set("kind", kind(s.get("task"))))
                .doSwitch("#{kind}").on(
                    onCase("work").then(work()),
                    onCase("wait").then(pause(POLL)),
                    onCase("advance").then(advance())));
    setUp(parties.injectOpen(atOnceUsers(run.script().profile().werkers()))).protocols(protocol);
  }

  private static String kind(Timeline.Task task) {
    if (task instanceof Timeline.Work) return "work";
    if (task instanceof Timeline.Advance) return "advance";
    if (task instanceof Timeline.Wait) return "wait";
    return "done";
  }

  // ---- the clock and the alerts ----

  private ChainBuilder advance() {
    return exec(http("clock").post("/admin/v1/clock").header("Authorization", run.bearer(Role.ADMIN))
        .body(StringBody(s -> "{\"set\":\"" + ((Timeline.Advance) s.get("task")).to().atOffset(ZoneOffset.UTC) + "\"}"))
        .check(status().is(200)))
        .exec(s -> {
          if (s.isFailed()) {
            run.timeline().abort();
            return s;
          }
          run.alerts().moved(((Timeline.Advance) s.get("task")).to());
          return s.set("polls", 0);
        })
        .asLongAs(s -> !s.isFailed() && !run.alerts().allDueArrived() && s.getInt("polls") < MAX_POLLS).on(
            exec(http("alerts").get(s -> "/api/v1/alerts?limit=1000&after=" + run.alerts().cursor())
                .header("Authorization", run.bearer(Role.SUPERVISOR))
                .check(status().is(200), bodyString().saveAs("page")))
                .exec(s -> {
                  if (s.contains("page")) run.alerts().take(json(s.getString("page")));
                  return s.remove("page").set("polls", s.getInt("polls") + 1);
                })
                .doIf(s -> !run.alerts().allDueArrived()).then(pause(POLL)))
        .exec(s -> {
          List<String> missing = run.alerts().missing();
          if (!missing.isEmpty()) {
            System.err.println("at " + ((Timeline.Advance) s.get("task")).to() + " " + missing.size() + " due alerts did not come, e.g. "
                + missing.subList(0, Math.min(3, missing.size())) + "; arrived so far " + run.alerts().arrived().size());
          }
          run.timeline().advanced();
          return s.markAsSucceeded();
        });
  }

  // ---- the parties' steps ----

  private ChainBuilder work() {
    return exec(s -> {
          of(s).stappenVerstuurd.add(System.nanoTime());
          return s;
        })
        .doSwitch(s -> ((Timeline.Work) s.get("task")).work().step().name()).on(
            onCase(Step.MELDING.name()).then(melding()),
            onCase(Step.SCREENING_AFRONDEN.name()).then(caseAction(Step.SCREENING_AFRONDEN, "screening-afronden", Role.TOEGANG,
                c -> "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + c.gemeente + "\"}")),
            onCase(Step.ONDERZOEK_AFRONDEN.name()).then(caseAction(Step.ONDERZOEK_AFRONDEN, "onderzoek-afronden", Role.TOEGANG,
                c -> "{\"verslagVerstuurdOp\":\"" + c.day(Step.ONDERZOEK_AFRONDEN) + "\"}")),
            onCase(Step.AANVRAAG_ONTVANGEN.name()).then(caseAction(Step.AANVRAAG_ONTVANGEN, "aanvraag-ontvangen", Role.TOEGANG,
                c -> "{\"ondertekendOp\":\"" + c.day(Step.AANVRAAG_ONTVANGEN) + "\"}")),
            onCase(Step.WMO315.name()).then(heenbericht(Step.WMO315, "WMO316", false,
                c -> run.software(c.aanbieder.agb()).wmo315(c, c.day(Step.WMO315)))),
            onCase(Step.TOEWIJZEN.name()).then(toewijzen()),
            onCase(Step.LEES_301.name()).then(leesOutbox(c -> 1, c -> c.toewijzingsverzoek && !c.toewijzingsverzoekGehonoreerd ? c.producten.size() : 0)),
            onCase(Step.WMO302.name()).then(wmo302()),
            onCase(Step.WMO305.name()).then(heenbericht(Step.WMO305, "WMO306", true,
                c -> run.software(c.aanbieder.agb()).wmo305(c.wmo301, c.day(Step.WMO305), t -> true))),
            onCase(Step.PLAN_VAN_AANPAK.name()).then(planVanAanpak()),
            onCase(Step.WMO317.name()).then(heenbericht(Step.WMO317, "WMO318", true,
                c -> run.software(c.aanbieder.agb()).wmo317(c, c.wmo301, c.day(Step.WMO317)))),
            onCase(Step.VERZOEK_BEANTWOORDEN.name()).then(verzoekBeantwoorden()),
            onCase(Step.LEES_ANTWOORD.name()).then(leesOutbox(ScriptedCase::wmo301s, ScriptedCase::wmo319s)),
            onCase(Step.WMO305_NIEUW.name()).then(heenbericht(Step.WMO305_NIEUW, "WMO306", true,
                c -> run.software(c.aanbieder.agb()).wmo305(c.wmo301, c.day(Step.WMO305_NIEUW),
                    t -> c.eersteWmo301.client().toegewezenProducten().stream().noneMatch(e -> e.toewijzingNummer() == t.toewijzingNummer())))),
            onCase(Step.WMO307.name()).then(heenbericht(Step.WMO307, "WMO308", true,
                c -> run.software(c.aanbieder.agb()).wmo307(c.wmo301, c.day(Step.WMO307), c.zorgEinde))),
            onCase(Step.WMO323.name()).then(heenbericht(Step.WMO323, "WMO325", true,
                c -> run.software(c.aanbieder.agb()).wmo323(c, c.eersteWmo301, c.day(Step.WMO323)))))
        .exec(s -> {
          run.timeline().finished(((Timeline.Work) s.get("task")).work());
          return s.markAsSucceeded();
        });
  }

  private static ScriptedCase of(Session s) {
    return ((Timeline.Work) s.get("task")).work().c();
  }

  private ChainBuilder melding() {
    return exec(http(Step.MELDING.name()).post("/api/v1/cases").header("Authorization", run.bearer(Role.TOEGANG))
        .body(StringBody(s -> {
          ScriptedCase c = of(s);
          return "{\"bsn\":\"" + c.bsn + "\",\"gemeente\":\"" + c.gemeente + "\",\"regeling\":\"" + run.script().profile().regeling()
              + "\",\"kanaal\":\"gemeente\",\"meldingOp\":\"" + c.day(Step.MELDING) + "\"," + CLIENT + "}";
        }))
        .check(status().in(200, 201), jsonPath("$.caseId").saveAs("caseId")))
        .doIf(s -> s.contains("caseId")).then(
            exec(s -> {
              of(s).caseId = s.getString("caseId");
              run.opened(of(s));
              return s.remove("caseId");
            })
            .exec(post("SCREENING_STARTEN", s -> path(s, "screening-starten"), Role.TOEGANG, s -> "{}")));
  }

  private ChainBuilder caseAction(Step step, String action, Role role, Function<ScriptedCase, String> body) {
    return doIf(s -> of(s).caseId != null).then(exec(post(step.name(), s -> path(s, action), role, s -> body.apply(of(s)))));
  }

  private HttpRequestActionBuilder post(String name, Function<Session, String> path, Role role, Function<Session, String> body) {
    return http(name).post(path).header("Authorization", run.bearer(role)).body(StringBody(body)).check(status().is(200));
  }

  private static String path(Session s, String action) {
    return "/api/v1/cases/" + of(s).caseId + "/" + action;
  }

  /**
   * The beschikking; a WMO315 before it is honoured by it (each product names its reference) or
   * rejected first, product by product, with a WMO319 each.
   */
  private ChainBuilder toewijzen() {
    return doIf(s -> of(s).caseId != null).then(
        doIf(s -> of(s).toewijzingsverzoek && !of(s).toewijzingsverzoekGehonoreerd).then(
            repeat(s -> of(s).producten.size(), "p").on(exec(post("VERZOEK_AFWIJZEN", s -> path(s, "verzoek-beantwoorden"), Role.BACKOFFICE,
                s -> afwijzing(of(s).referentie(s.getInt("p"))))))),
        exec(post(Step.TOEWIJZEN.name(), s -> path(s, "toewijzen"), Role.BACKOFFICE, s -> toewijzen(of(s)))));
  }

  private static String afwijzing(String referentie) {
    return "{\"referentieAanbieder\":\"" + referentie + "\",\"antwoord\":\"afgewezen\",\"reden\":\"4\"}";
  }

  private static String toewijzen(ScriptedCase c) {
    List<String> regels = new ArrayList<>();
    for (int p = 0; p < c.producten.size(); p++) {
      regels.add(toewijzing(c, c.producten.get(p), c.ingang, c.toewijzingsverzoekGehonoreerd ? c.referentie(p) : null));
    }
    return "{\"beschiktOp\":\"" + c.day(Step.TOEWIJZEN) + "\",\"toewijzingen\":[" + String.join(",", regels) + "]}";
  }

  private static String toewijzing(ScriptedCase c, String product, LocalDate ingang, String referentie) {
    return "{\"product\":\"" + product + "\",\"aanbieder\":\"" + c.aanbieder.agb() + "\",\"ingangsdatum\":\"" + ingang
        + "\",\"einddatum\":\"" + c.einde + "\",\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}"
        + (referentie == null ? "" : ",\"referentieAanbieder\":\"" + referentie + "\"") + "}";
  }

  /** The backoffice answers a WMO317: a toewijzing of the product it asks for, naming it, or a WMO319 that rejects it. */
  private ChainBuilder verzoekBeantwoorden() {
    return doIf(s -> of(s).caseId != null).then(
        doIfOrElse(s -> of(s).wijzigingsverzoekGehonoreerd)
            .then(exec(post("VERZOEK_HONOREREN", s -> path(s, "toewijzen"), Role.BACKOFFICE, s -> {
              ScriptedCase c = of(s);
              return "{\"beschiktOp\":\"" + c.day(Step.VERZOEK_BEANTWOORDEN) + "\",\"toewijzingen\":["
                  + toewijzing(c, c.nieuwProduct, c.nieuweIngang, c.wijzigingReferentie()) + "]}";
            })))
            .orElse(exec(post("VERZOEK_AFWIJZEN", s -> path(s, "verzoek-beantwoorden"), Role.BACKOFFICE,
                s -> afwijzing(of(s).wijzigingReferentie())))));
  }

  /** The aanbieder records its plan van aanpak for each toewijzing D18 asks one for. */
  private ChainBuilder planVanAanpak() {
    return doIf(s -> of(s).caseId != null && of(s).eersteWmo301 != null).then(
        exec(s -> s.set("plannen", of(s).eersteWmo301.client().toegewezenProducten().stream()
            .filter(t -> run.script().planVanAanpakVoor(t.product().code())).map(Wmo301.ToegewezenProduct::toewijzingNummer).toList()))
            .foreach(s -> s.getList("plannen"), "nummer").on(
                exec(http(Step.PLAN_VAN_AANPAK.name()).post(s -> path(s, "plan-van-aanpak-ontvangen"))
                    .header("Authorization", s -> run.bearerOf(of(s).aanbieder.agb()))
                    .body(StringBody(s -> "{\"op\":\"" + today(s) + "\",\"toewijzingNummer\":" + s.get("nummer") + "}"))
                    .check(status().is(200)))));
  }

  /**
   * The aanbieder reads its outbox until the case has {@code wmo301s} WMO301s and {@code wmo319s}
   * WMO319s there; fetches the newest WMO301 if it has not read it yet and answers it at once if
   * it is on time; fetches every WMO319 it has not answered and returns it with a WMO320.
   */
  private ChainBuilder leesOutbox(ToIntFunction<ScriptedCase> wmo301s, ToIntFunction<ScriptedCase> wmo319s) {
    return doIf(s -> of(s).caseId != null).then(
        exec(s -> s.set("polls", 0))
            .asLongAs(s -> !inOutbox(of(s), wmo301s, wmo319s) && s.getInt("polls") < MAX_POLLS).on(
                exec(http("OUTBOX").get(s -> "/iwmo/v1/berichten?aanbieder=" + of(s).aanbieder.agb() + "&na=" + run.cursorOf(of(s).aanbieder.agb()))
                    .header("Authorization", s -> run.bearerOf(of(s).aanbieder.agb()))
                    .check(status().is(200), bodyString().saveAs("page")))
                    .exec(s -> {
                      if (s.contains("page")) run.takeOutbox(of(s).aanbieder.agb(), json(s.getString("page")));
                      return s.remove("page").set("polls", s.getInt("polls") + 1);
                    })
                    .doIf(s -> !inOutbox(of(s), wmo301s, wmo319s)).then(pause(POLL)))
            .doIf(s -> of(s).gelezen301 < Math.min(wmo301s.applyAsInt(of(s)), outboxCount(of(s), true))).then(
                exec(http("WMO301").get(s -> "/iwmo/v1/berichten/" + outboxId(of(s), true, wmo301s.applyAsInt(of(s)) - 1))
                    .header("Authorization", s -> run.bearerOf(of(s).aanbieder.agb()))
                    .header("Accept", "application/xml")
                    .check(status().is(200), bodyString().saveAs("wmo301")))
                    .exec(s -> {
                      if (!s.contains("wmo301")) return s;
                      ScriptedCase c = of(s);
                      c.wmo301 = IwmoXml.parse(s.getString("wmo301").getBytes(StandardCharsets.UTF_8), Wmo301.class);
                      if (c.eersteWmo301 == null) c.eersteWmo301 = c.wmo301;
                      c.gelezen301++;
                      run.gelezen301.incrementAndGet();
                      return s.remove("wmo301");
                    })
                    .doIf(s -> of(s).wmo301 != null && of(s).aanbieder.gedrag() == Profile.Gedrag.optijd).then(wmo302()))
            .asLongAs(s -> of(s).beantwoord319 < Math.min(wmo319s.applyAsInt(of(s)), outboxCount(of(s), false)) && !s.isFailed()).on(
                exec(http("WMO319").get(s -> "/iwmo/v1/berichten/" + outboxId(of(s), false, of(s).beantwoord319))
                    .header("Authorization", s -> run.bearerOf(of(s).aanbieder.agb()))
                    .header("Accept", "application/xml")
                    .check(status().is(200), bodyString().saveAs("wmo319")))
                    .doIf(s -> s.contains("wmo319")).then(
                        exec(s -> {
                          run.gelezen319.incrementAndGet();
                          return s.set("wmo320", run.software(of(s).aanbieder.agb()).wmo320(
                              IwmoXml.parse(s.getString("wmo319").getBytes(StandardCharsets.UTF_8), Wmo319.class), today(s)));
                        })
                        .exec(iwmo("WMO320", "application/json", s -> s.getString("wmo320"))
                            .check(status().is(200), jsonPath("$.status").is("VERWERKT")))
                        .exec(s -> {
                          if (!s.isFailed()) run.verwerkt320.incrementAndGet();
                          of(s).beantwoord319++;
                          return s.remove("wmo319").remove("wmo320");
                        }))));
  }

  private boolean inOutbox(ScriptedCase c, ToIntFunction<ScriptedCase> wmo301s, ToIntFunction<ScriptedCase> wmo319s) {
    return outboxCount(c, true) >= wmo301s.applyAsInt(c) && outboxCount(c, false) >= wmo319s.applyAsInt(c);
  }

  private int outboxCount(ScriptedCase c, boolean wmo301) {
    YearRun.Outbox o = run.outbox(c.aanbieder.agb());
    return o.count(wmo301 ? o.wmo301ByCase : o.wmo319ByCase, c.caseId);
  }

  private long outboxId(ScriptedCase c, boolean wmo301, int i) {
    YearRun.Outbox o = run.outbox(c.aanbieder.agb());
    return o.get(wmo301 ? o.wmo301ByCase : o.wmo319ByCase, c.caseId, i);
  }

  private ChainBuilder wmo302() {
    return doIf(s -> of(s).wmo301 != null).then(
        exec(iwmo(Step.WMO302.name(), "application/json", s -> run.software(of(s).aanbieder.agb()).wmo302(of(s).wmo301, today(s)))
            .check(status().is(200), jsonPath("$.status").is("VERWERKT")))
            .exec(s -> {
              if (!s.isFailed()) run.verwerkt302.incrementAndGet();
              return s;
            }));
  }

  /**
   * A heenbericht whose retour, of soort {@code retour}, must approve it; {@code na301}: one that
   * needs the WMO301 read (all but the WMO315, which comes before it).
   */
  private ChainBuilder heenbericht(Step step, String retour, boolean na301, Function<ScriptedCase, String> xml) {
    return doIf(s -> of(s).caseId != null && (!na301 || of(s).wmo301 != null)).then(
        exec(s -> {
          run.verstuurd(step.name().substring(0, 6));
          return s;
        })
        .exec(iwmo(step.name(), "application/xml", s -> xml.apply(of(s)))
            .check(status().is(200), bodyString().transform(body -> run.approves(body, retour)).is(true))));
  }

  private HttpRequestActionBuilder iwmo(String name, String accept, Function<Session, String> xml) {
    return http(name).post("/iwmo/v1/berichten").header("Authorization", s -> run.bearerOf(of(s).aanbieder.agb()))
        .header("Content-Type", "application/xml").header("Accept", accept).body(StringBody(xml));
  }

  private static LocalDate today(Session s) {
    Timeline.Work w = s.get("task");
    return w.work().c().day(w.work().step());
  }

  private static JsonNode json(String body) {
    try {
      return ApiJson.mapper().readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }
}
