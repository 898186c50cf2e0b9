package nl.regie.loadtest.year;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import nl.regie.protocol.api.ApiJson;
import nl.regie.server.access.Role;

/**
 * The checks after a run, each a line that passes or fails: no request failed; every case is in
 * the fase its script ends in; every alert the script makes due arrived exactly once and no other
 * did; the case list (a read model) agrees with the cases; every heenbericht got a retour that
 * approves it and every WMO301 the WMO302 its aanbieder's gedrag promises.
 */
public final class Verdict {

  /** One check. */
  public record Check(String name, boolean passed, String detail) {
    @Override
    public String toString() {
      return (passed ? "PASS " : "FAIL ") + name + (detail.isEmpty() ? "" : ": " + detail);
    }
  }

  private final YearRun run;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Check> checks = new ArrayList<>();

  public Verdict(YearRun run) {
    this.run = run;
  }

  public List<Check> checks() {
    return checks;
  }

  public boolean passed() {
    return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
  }

  public Verdict judge(GatlingStats stats) throws IOException, InterruptedException {
    List<ScriptedCase> cases = run.script().cases();
    check("no request failed", stats.all().ko() == 0,
        stats.all().ko() + " of " + stats.all().total() + " failed" + (stats.all().ko() == 0 ? "" : " (see " + stats.report() + ")"));
    long opened = cases.stream().filter(c -> c.caseId != null).count();
    check("every melding opened a case", opened == cases.size(), opened + " of " + cases.size());

    Map<String, JsonNode> views = views(cases);
    Map<String, Integer> fases = new TreeMap<>();
    int wrong = 0;
    String firstWrong = null;
    for (ScriptedCase c : cases) {
      JsonNode view = c.caseId == null ? null : views.get(c.caseId);
      String fase = view == null ? "unreadable" : view.path("fase").asText();
      fases.merge(fase, 1, Integer::sum);
      if (!c.expectedFase().equals(fase)) {
        wrong++;
        if (firstWrong == null) firstWrong = "case " + c.index + " (" + c.caseId + ") is " + fase + ", its script ends in " + c.expectedFase();
      }
    }
    check("every case reached the fase of its script", wrong == 0, fases + (firstWrong == null ? "" : "; " + firstWrong));

    checkList(cases, views);
    checkAlerts(cases);

    check("every WMO305 and WMO307 got a retour that approves it", run.heen() > 0 && run.retourGoedgekeurd() == run.heen(),
        run.retourGoedgekeurd() + " of " + run.heen());
    long with302 = cases.stream().filter(c -> c.caseId != null && c.aanbieder.gedrag() != Profile.Gedrag.nooit).count();
    check("every WMO301 was read, and answered with a WMO302 unless its aanbieder never answers",
        run.gelezen301() == opened && run.verwerkt302() == with302,
        run.gelezen301() + " of " + opened + " read, " + run.verwerkt302() + " of " + with302 + " WMO302s processed");
    return this;
  }

  private void checkList(List<ScriptedCase> cases, Map<String, JsonNode> views) throws IOException, InterruptedException {
    // A read model is a moment behind the cases: read it until it agrees, for at most a minute.
    String problem = null;
    long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    do {
      Map<String, JsonNode> rows = new HashMap<>();
      String after = "";
      while (true) {
        JsonNode page = get("/api/v1/cases?limit=1000" + (after.isEmpty() ? "" : "&after=" + after), Role.SUPERVISOR);
        page.get("items").forEach(row -> rows.put(row.get("caseId").asText(), row));
        if (page.path("next").isNull() || page.path("next").asText().isEmpty()) break;
        after = page.get("next").asText();
      }
      problem = null;
      int disagree = 0;
      for (ScriptedCase c : cases) {
        if (c.caseId == null) continue;
        JsonNode row = rows.get(c.caseId);
        JsonNode view = views.get(c.caseId);
        if (row == null || view == null || !row.path("fase").asText().equals(view.path("fase").asText())
            || row.path("version").asLong() != view.path("version").asLong()) {
          if (problem == null) problem = "case " + c.caseId + ": list " + (row == null ? "has no row" : row.path("fase").asText() + " v"
              + row.path("version").asLong()) + ", case " + (view == null ? "unreadable" : view.path("fase").asText() + " v" + view.path("version").asLong());
          disagree++;
        }
      }

      if (problem != null) problem = disagree + " disagree; first: " + problem;
      if (problem == null) break;
      Thread.sleep(200);
    } while (System.nanoTime() < giveUp);
    check("the case list agrees with the cases (fase and version)", problem == null,
        problem == null ? "a row for each of the " + cases.stream().filter(c -> c.caseId != null).count() + " cases" : problem);
  }

  private void checkAlerts(List<ScriptedCase> cases) throws IOException, InterruptedException {
    // Read what came after the last clock move too: an alert that should not be there.
    while (true) {
      JsonNode page = get("/api/v1/alerts?limit=1000&after=" + run.alerts().cursor(), Role.SUPERVISOR);
      if (page.get("items").isEmpty()) break;
      run.alerts().take(page);
    }
    Map<String, Integer> expected = new TreeMap<>();
    for (ExpectedAlert e : run.script().alerts()) {
      String caseId = cases.get(e.caseIndex()).caseId;
      if (caseId != null) expected.merge(e.key(caseId), 1, Integer::sum);
    }
    // Only this run's cases: a server given by --url may hold others.
    Set<String> ours = new HashSet<>();
    cases.forEach(c -> ours.add(c.caseId));
    List<AlertWatch.Arrived> mine = run.alerts().arrived().stream().filter(a -> ours.contains(a.caseId())).toList();
    Map<String, Integer> arrived = new TreeMap<>();
    for (AlertWatch.Arrived a : mine) arrived.merge(a.key(), 1, Integer::sum);
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      int got = arrived.getOrDefault(e.getKey(), 0);
      if (got < e.getValue()) missing.add(e.getKey() + " x" + (e.getValue() - got));
    }
    for (Map.Entry<String, Integer> a : arrived.entrySet()) {
      int want = expected.getOrDefault(a.getKey(), 0);
      if (a.getValue() > want) extra.add(a.getKey() + " x" + (a.getValue() - want));
    }
    Map<String, Integer> byCodeLevel = new TreeMap<>();
    mine.forEach(a -> byCodeLevel.merge(a.code() + " " + a.level(), 1, Integer::sum));
    check("every expected alert arrived exactly once, and no other", missing.isEmpty() && extra.isEmpty(),
        run.script().alerts().size() + " expected, " + mine.size() + " arrived " + byCodeLevel
            + (missing.isEmpty() ? "" : "; missing " + missing.size() + ", first " + missing.get(0))
            + (extra.isEmpty() ? "" : "; unexpected " + extra.size() + ", first " + extra.subList(0, Math.min(3, extra.size()))));
  }

  /** Every case's view, read 16 at a time. */
  private Map<String, JsonNode> views(List<ScriptedCase> cases) throws InterruptedException {
    Map<String, JsonNode> views = new ConcurrentHashMap<>();
    Semaphore slots = new Semaphore(16);
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (ScriptedCase c : cases) {
      if (c.caseId == null) continue;
      slots.acquire();
      all.add(http.sendAsync(request("/api/v1/cases/" + c.caseId, Role.SUPERVISOR), HttpResponse.BodyHandlers.ofString())
          .thenAccept(r -> {
            if (r.statusCode() == 200) views.put(c.caseId, parse(r.body()));
          })
          .whenComplete((v, e) -> slots.release()));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    return views;
  }

  private JsonNode get(String path, Role role) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request(path, role), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    return parse(r.body());
  }

  private HttpRequest request(String path, Role role) {
    return HttpRequest.newBuilder(URI.create(run.base() + path)).header("Authorization", run.bearer(role))
        .timeout(Duration.ofSeconds(60)).GET().build();
  }

  private static JsonNode parse(String body) {
    try {
      return ApiJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }

  private void check(String name, boolean passed, String detail) {
    checks.add(new Check(name, passed, detail));
  }
}
