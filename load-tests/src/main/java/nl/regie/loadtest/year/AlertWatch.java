package nl.regie.loadtest.year;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts as a supervisor of every gemeente reads them ({@code GET /api/v1/alerts}, page after
 * page): what arrived, and how long after the clock moved past its moment it was first seen.
 */
public final class AlertWatch {

  /** An alert as read, with the wall-clock seconds from the clock move that made it due until it was read. */
  public record Arrived(long id, String caseId, String gemeente, String code, String level, Instant at, double secondsAfterMove) {
    String key() {
      return caseId + " " + code + " " + level;
    }
  }

  private final Script script;
  private final List<Arrived> arrived = new ArrayList<>();
  private final Map<String, Integer> arrivedByKey = new HashMap<>();
  private long cursor;
  private long movedNanos;
  private final List<Long> moves = new ArrayList<>();
  private Instant clock;

  AlertWatch(Script script) {
    this.script = script;
  }

  synchronized long cursor() {
    return cursor;
  }

  /** The last clock move at or before {@code nanos} (System.nanoTime). */
  synchronized long movedBefore(long nanos) {
    long last = Long.MIN_VALUE;
    for (long m : moves) if (m <= nanos) last = m;
    return last;
  }

  synchronized void moved(Instant to) {
    clock = to;
    movedNanos = System.nanoTime();
    moves.add(movedNanos);
  }

  /** Takes one page of {@code /api/v1/alerts}. */
  synchronized void take(JsonNode page) {
    double seconds = (System.nanoTime() - movedNanos) / 1e9;
    for (JsonNode item : page.get("items")) {
      Arrived a = new Arrived(item.get("id").asLong(), item.get("caseId").asText(), item.get("gemeente").asText(), item.get("code").asText(),
          item.get("level").asText(), Instant.parse(item.get("at").asText()), seconds);
      arrived.add(a);
      arrivedByKey.merge(a.key(), 1, Integer::sum);
      cursor = Math.max(cursor, a.id());
    }
  }

  /** Whether every alert the script makes due by the clock's moment has been read. */
  synchronized boolean allDueArrived() {
    return missing().isEmpty();
  }

  /** The alerts due by the clock's moment that have not been read, as "caseId code level". */
  synchronized List<String> missing() {
    Map<String, Integer> due = new HashMap<>();
    for (ExpectedAlert e : script.alerts()) {
      if (e.moment().isAfter(clock)) continue;
      String caseId = script.cases().get(e.caseIndex()).caseId();
      if (caseId == null) continue; // the melding failed: the verdict says so
      due.merge(e.key(caseId), 1, Integer::sum);
    }
    return due.entrySet().stream().filter(e -> arrivedByKey.getOrDefault(e.getKey(), 0) < e.getValue()).map(Map.Entry::getKey).toList();
  }

  public synchronized List<Arrived> arrived() {
    return List.copyOf(arrived);
  }
}
