package nl.regie.loadtest.year;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * approves it, every WMO301 the WMO302 its aanbieder's gedrag promises and every WMO319 its
 * WMO320; each dashboard saw every change of its cases on the case stream and each supervisor
 * every alert of its gemeenten on the alert stream, once.
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

  public Verdict judge(GatlingStats stats) throws Exception {
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

    checkBerichten(cases);
    checkDashboards(cases, views);
    checkSupervisors(cases);
    return this;
  }

  /** The retour each heenbericht must get, by soort. */
  private static final Map<String, String> RETOUR = Map.of("WMO305", "WMO306", "WMO307", "WMO308", "WMO315", "WMO316",
      "WMO317", "WMO318", "WMO323", "WMO325");

  private void checkBerichten(List<ScriptedCase> cases) {
    Map<String, Integer> expected = new TreeMap<>();
    RETOUR.keySet().forEach(soort -> expected.put(soort, 0));
    int wmo301 = 0;
    int wmo302 = 0;
    int wmo319 = 0;
    for (ScriptedCase c : cases) {
      if (c.caseId == null) continue;
      for (Step step : c.days.keySet()) {
        String soort = step.name().length() >= 6 ? step.name().substring(0, 6) : "";
        if (RETOUR.containsKey(soort)) expected.merge(soort, 1, Integer::sum);
      }
      wmo301 += c.wmo301s();
      if (c.aanbieder.gedrag() != Profile.Gedrag.nooit) wmo302 += c.wmo301s();
      wmo319 += c.wmo319s();
    }
    List<String> counts = new ArrayList<>();
    boolean all = true;
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      String retour = RETOUR.get(e.getKey());
      int heen = run.heen(e.getKey());
      int goed = run.retourGoedgekeurd(retour);
      all &= heen == e.getValue() && goed == e.getValue();
      counts.add(e.getKey() + " " + goed + "/" + heen + "/" + e.getValue());
    }
    check("every heenbericht got the retour that approves it (soort: approved/posted/scripted)", all, String.join(", ", counts));
    check("every WMO301 was read, and answered with a WMO302 unless its aanbieder never answers",
        run.gelezen301() == wmo301 && run.verwerkt302() == wmo302,
        run.gelezen301() + " of " + wmo301 + " read, " + run.verwerkt302() + " of " + wmo302 + " WMO302s processed");
    check("every WMO319 was read and returned with a WMO320", run.gelezen319.get() == wmo319 && run.verwerkt320.get() == wmo319,
        run.gelezen319.get() + " of " + wmo319 + " read, " + run.verwerkt320.get() + " WMO320s processed");
  }

  /** What the dashboards got, over all of them: how many changes, and how long after their cause (ms). */
  private final List<Double> dashboardLatencies = new ArrayList<>();
  private final List<Double> supervisorLatencies = new ArrayList<>();

  public List<Double> dashboardLatencies() {
    return dashboardLatencies;
  }

  public List<Double> supervisorLatencies() {
    return supervisorLatencies;
  }

  /**
   * Each dashboard saw, of every case of its gemeenten, every change the case stream holds (a
   * replay of it from the first offset any dashboard saw, read after the run), once and in order,
   * ending in the case's fase and version; and nothing of other gemeenten.
   */
  private void checkDashboards(List<ScriptedCase> cases, Map<String, JsonNode> views) throws Exception {
    List<LiveWatch.Watcher> dashboards = run.live().dashboards();
    if (dashboards.isEmpty()) return;
    Map<String, ScriptedCase> ours = new HashMap<>();
    cases.stream().filter(c -> c.caseId != null && views.containsKey(c.caseId)).forEach(c -> ours.put(c.caseId, c));
    LiveWatch.await(dashboards, w -> hasFinal(w.received(), ours, views, w.gemeenten), Duration.ofSeconds(60));
    long from = dashboards.stream().flatMap(w -> w.received().stream()).mapToLong(LiveWatch.Received::offset).min().orElse(1) - 1;
    LiveWatch.Watcher replay = run.live().replay(from, r -> {});
    boolean replayed = LiveWatch.await(List.of(replay), w -> hasFinal(w.received(), ours, views, w.gemeenten), Duration.ofSeconds(60));
    LiveWatch.closeOne(replay);
    Map<String, List<Long>> record = byCase(replay.received(), ours);
    String recordProblem = replayed ? null : "the replay from offset " + from + " did not reach every case's version";
    for (ScriptedCase c : ours.values()) {
      List<LiveWatch.Received> of = replay.received().stream().filter(r -> c.caseId.equals(r.message().path("caseId").asText())).toList();
      if (recordProblem == null && (of.isEmpty() || !"MeldingOntvangen".equals(of.get(0).message().path("type").asText()))) {
        recordProblem = "case " + c.caseId + ": the stream's first change is " + (of.isEmpty() ? "none" : of.get(0).message().path("type").asText());
      }
    }
    List<String> lines = new ArrayList<>();
    boolean all = recordProblem == null;
    for (LiveWatch.Watcher w : dashboards) {
      List<LiveWatch.Received> got = w.received();
      String problem = w.overflowed() ? "overflowed" : null;
      long previous = Long.MIN_VALUE;
      int foreign = 0;
      for (LiveWatch.Received r : got) {
        if (problem == null && r.offset() <= previous) problem = "offset " + r.offset() + " after " + previous;
        previous = r.offset();
        if (!w.gemeenten.contains(r.message().path("gemeente").asText())) foreign++;
      }
      if (foreign > 0 && problem == null) problem = foreign + " changes of other gemeenten";
      Map<String, List<Long>> mine = byCase(got, ours);
      int changes = 0;
      for (ScriptedCase c : ours.values()) {
        if (!w.gemeenten.contains(c.gemeente)) continue;
        List<Long> want = record.getOrDefault(c.caseId, List.of());
        List<Long> have = mine.getOrDefault(c.caseId, List.of());
        changes += have.size();
        if (problem == null && !want.equals(have)) {
          problem = "case " + c.caseId + ": offsets " + abbreviated(have) + ", the stream holds " + abbreviated(want);
        }
        JsonNode last = last(got, c.caseId);
        JsonNode view = views.get(c.caseId);
        if (problem == null && (last == null || last.path("version").asLong() != view.path("version").asLong()
            || !last.path("fase").asText().equals(view.path("fase").asText()))) {
          problem = "case " + c.caseId + ": last change " + (last == null ? "none" : last.path("fase").asText() + " v" + last.path("version").asLong())
              + ", the case " + view.path("fase").asText() + " v" + view.path("version").asLong();
        }
      }
      for (LiveWatch.Received r : got) {
        if (ours.containsKey(r.message().path("caseId").asText())) dashboardLatencies.add(run.live().latencyMillis(w, r));
      }
      all &= problem == null;
      lines.add(w + " " + changes + " changes" + (problem == null ? "" : " FAIL " + problem));
    }
    Collections.sort(dashboardLatencies);
    check("each dashboard saw every change of its gemeenten' cases once and in order, as the stream holds them, and no other", all,
        (recordProblem == null ? record.values().stream().mapToInt(List::size).sum() + " changes in the stream; " : recordProblem + "; ")
            + String.join("; ", lines));
  }

  private static boolean hasFinal(List<LiveWatch.Received> got, Map<String, ScriptedCase> ours, Map<String, JsonNode> views, Set<String> gemeenten) {
    Map<String, Long> newest = new HashMap<>();
    for (LiveWatch.Received r : got) newest.merge(r.message().path("caseId").asText(), r.message().path("version").asLong(), Math::max);
    for (ScriptedCase c : ours.values()) {
      if (gemeenten.contains(c.gemeente) && newest.getOrDefault(c.caseId, 0L) < views.get(c.caseId).path("version").asLong()) return false;
    }
    return true;
  }

  private static Map<String, List<Long>> byCase(List<LiveWatch.Received> got, Map<String, ScriptedCase> ours) {
    Map<String, List<Long>> byCase = new HashMap<>();
    for (LiveWatch.Received r : got) {
      String caseId = r.message().path("caseId").asText();
      if (ours.containsKey(caseId)) byCase.computeIfAbsent(caseId, k -> new ArrayList<>()).add(r.offset());
    }
    return byCase;
  }

  private static JsonNode last(List<LiveWatch.Received> got, String caseId) {
    JsonNode last = null;
    for (LiveWatch.Received r : got) if (caseId.equals(r.message().path("caseId").asText())) last = r.message();
    return last;
  }

  private static String abbreviated(List<Long> offsets) {
    return offsets.size() <= 12 ? offsets.toString() : offsets.subList(0, 12) + "... (" + offsets.size() + ")";
  }

  /**
   * Each supervisor got, over its stream, every alert of its gemeenten' cases that {@code GET
   * /api/v1/alerts} holds (checked above against the script) exactly once, and no other.
   */
  private void checkSupervisors(List<ScriptedCase> cases) throws InterruptedException {
    List<LiveWatch.Watcher> supervisors = run.live().supervisors();
    if (supervisors.isEmpty()) return;
    Set<String> ours = new HashSet<>();
    cases.forEach(c -> ours.add(c.caseId));
    List<AlertWatch.Arrived> listed = run.alerts().arrived().stream().filter(a -> ours.contains(a.caseId())).toList();
    LiveWatch.await(supervisors, w -> {
      Set<Long> ids = new HashSet<>();
      w.received().forEach(r -> ids.add(r.offset()));
      return listed.stream().filter(a -> w.gemeenten.contains(a.gemeente())).allMatch(a -> ids.contains(a.id()));
    }, Duration.ofSeconds(60));
    List<String> lines = new ArrayList<>();
    boolean all = true;
    for (LiveWatch.Watcher w : supervisors) {
      Map<Long, Integer> got = new HashMap<>();
      int foreign = 0;
      for (LiveWatch.Received r : w.received()) {
        if (!w.gemeenten.contains(r.message().path("gemeente").asText())) foreign++;
        if (ours.contains(r.message().path("caseId").asText())) {
          got.merge(r.offset(), 1, Integer::sum);
          supervisorLatencies.add(run.live().latencyMillis(w, r));
        }
      }
      Set<Long> want = new HashSet<>();
      listed.stream().filter(a -> w.gemeenten.contains(a.gemeente())).forEach(a -> want.add(a.id()));
      long missing = want.stream().filter(id -> !got.containsKey(id)).count();
      long twice = got.values().stream().filter(n -> n > 1).count();
      long other = got.keySet().stream().filter(id -> !want.contains(id)).count();
      boolean ok = !w.overflowed() && missing == 0 && twice == 0 && other == 0 && foreign == 0;
      all &= ok;
      lines.add(w + " " + got.size() + " of " + want.size() + (ok ? "" : " FAIL missing " + missing + ", twice " + twice + ", unlisted " + other
          + ", of other gemeenten " + foreign + (w.overflowed() ? ", overflowed" : "")));
    }
    Collections.sort(supervisorLatencies);
    check("each supervisor got every alert of its gemeenten once over its stream, and no other", all, String.join("; ", lines));
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
