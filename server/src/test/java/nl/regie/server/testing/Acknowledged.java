package nl.regie.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import nl.regie.server.RegieClient;

/**
 * What a server confirmed to its clients: each case at the version and fase its last success
 * showed, each retour handed out, each bericht and alert a client read, the virtual clock's time.
 * A server that answered it must still know all of it after any crash: {@link #lostOn} says what
 * it forgot.
 */
public final class Acknowledged {

  private static final List<String> FASEN = List.of("MELDING", "SCREENING", "ONDERZOEK", "TOEWIJZING", "ZORG", "STOP");

  record CaseAnswer(long version, String fase) {}

  private final Map<String, CaseAnswer> cases = new ConcurrentHashMap<>();
  private final Map<String, String> retours = new ConcurrentHashMap<>();
  private final Set<Long> berichten = ConcurrentHashMap.newKeySet();
  private final Map<Long, String> alerts = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> clock = new AtomicReference<>(Instant.EPOCH);

  void caseAnswered(JsonNode view) {
    CaseAnswer answer = new CaseAnswer(view.get("version").asLong(), view.get("fase").asText());
    cases.merge(view.get("caseId").asText(), answer, (a, b) -> a.version() >= b.version() ? a : b);
  }

  void retourHandedOut(String location, String body) {
    retours.put(location, body);
  }

  void berichtSeen(long id) {
    berichten.add(id);
  }

  void alertSeen(JsonNode alert) {
    alerts.put(alert.get("id").asLong(), alertKey(alert));
  }

  void clockMoved(Instant now) {
    clock.accumulateAndGet(now, (a, b) -> a.isAfter(b) ? a : b);
  }

  public Map<String, CaseAnswer> cases() {
    return Map.copyOf(cases);
  }

  public int retours() {
    return retours.size();
  }

  public int alerts() {
    return alerts.size();
  }

  /** How long, all told, a case that answers 503 (try again) is asked again before it counts as lost. */
  private static final Duration TRY_AGAIN = Duration.ofSeconds(30);

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * One line for each acknowledged thing the server on {@code client} no longer knows as it was. A
   * case answering 503 is asked again, for up to {@link #TRY_AGAIN} in all.
   */
  public List<String> lostOn(RegieClient client) {
    List<String> lost = new ArrayList<>();
    long giveUp = System.nanoTime() + TRY_AGAIN.toNanos();
    cases.forEach((caseId, answered) -> {
      RegieClient.Response view = client.get("/api/v1/cases/" + caseId);
      // 503 is "try again", not "forgotten": right after a node has left, its shards may still be
      // finding their new home (the coordinator's update waits for the members it still counts).
      while (view.status() == 503 && System.nanoTime() < giveUp) {
        pause();
        view = client.get("/api/v1/cases/" + caseId);
      }
      if (view.status() != 200) {
        lost.add("case " + caseId + " answered " + view.status());
      } else if (view.json().get("version").asLong() < answered.version()
          || FASEN.indexOf(view.json().get("fase").asText()) < FASEN.indexOf(answered.fase())) {
        lost.add("case " + caseId + " was at " + answered + ", is at " + view.json().get("version") + " " + view.json().get("fase"));
      }
    });
    retours.forEach((location, body) -> {
      RegieClient.Response stored = client.get(location, "application/xml");
      if (stored.status() != 200 || !stored.body().equals(body)) lost.add("retour " + location + " answered " + stored.status());
    });
    for (long id : berichten) {
      int status = client.get("/iwmo/v1/berichten/" + id).status();
      if (status != 200) lost.add("bericht " + id + " answered " + status);
    }
    Map<Long, String> now = allAlerts(client);
    alerts.forEach((id, key) -> {
      if (!key.equals(now.get(id))) lost.add("alert " + id + " was " + key + ", is " + now.get(id));
    });
    Instant time = Instant.parse(client.get("/admin/v1/clock").json().get("now").asText());
    if (time.isBefore(clock.get())) lost.add("the clock went back from " + clock.get() + " to " + time);
    return lost;
  }

  /**
   * Moves the clock two months on and asserts that every D8 of the aanbieder that never answers
   * ({@link Traffic#SILENT}) escalates on {@code client}, each once, whatever happened to the
   * servers meanwhile.
   */
  public void silentAanbiedersD8sEscalateOnce(RegieClient client) {
    assertEquals(200, client.post("/admin/v1/clock", "{\"advance\":\"P60D\"}").status());
    long waiting = cases.keySet().stream()
        .map(caseId -> client.get("/api/v1/cases/" + caseId).json())
        .filter(view -> view.path("toewijzingen").findValuesAsText("aanbieder").contains(Traffic.SILENT.agb()))
        .count();
    assertTrue(waiting > 0, "some cases wait for the silent aanbieder");
    Await.until(Duration.ofSeconds(90), () -> allAlerts(client).values().stream()
            .filter(key -> key.contains("|D8|ESCALATED|") && key.endsWith("aanbieder:" + Traffic.SILENT.agb())).count(),
        n -> n >= waiting, waiting + " D8 escalations");
    assertEquals(List.of(), alertedTwice(client));
  }

  /** Alerts that say the same thing twice: one line per deadline alerted more than once at a level. */
  public static List<String> alertedTwice(RegieClient client) {
    Map<String, Long> byKey = new HashMap<>();
    List<String> twice = new ArrayList<>();
    allAlerts(client).forEach((id, key) -> {
      Long earlier = byKey.putIfAbsent(key, id);
      if (earlier != null) twice.add(key + " as alerts " + earlier + " and " + id);
    });
    return twice;
  }

  /** Every alert on the server, by id. */
  public static Map<Long, String> allAlerts(RegieClient client) {
    Map<Long, String> all = new HashMap<>();
    String after = null;
    do {
      JsonNode page = client.get("/api/v1/alerts?limit=1000" + (after == null ? "" : "&after=" + after)).json();
      page.get("items").forEach(alert -> all.put(alert.get("id").asLong(), alertKey(alert)));
      after = page.hasNonNull("next") ? page.get("next").asText() : null;
    } while (after != null);
    return all;
  }

  private static String alertKey(JsonNode alert) {
    return String.join("|", alert.get("caseId").asText(), alert.get("code").asText(), alert.get("level").asText(),
        alert.get("due").asText(), alert.get("responsible").asText());
  }
}
