package nl.regie.server.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.regie.persistence.DeadlineIndex.Due;

/**
 * Which of the cases the scheduler found in the index to wake now. A case is woken once for each
 * of its moments that has come, and, when its moment is still ahead (within the look-ahead), once
 * before it: that early wake brings it into memory, where its own timer fires at the moment, so
 * that a burst of deadlines falling due together does not wait for thousands of recoveries. The
 * index may lag behind a case by a projection step, so a moment is not woken for again within
 * {@code rewakeAfter}.
 */
final class WakeSelection {

  /** A (case, moment) woken at {@code atNanos} of the monotonic timer; {@code early}: before the moment. */
  private record Woken(long atNanos, boolean early) {}

  private record Key(String caseId, Instant moment) {}

  private final Duration rewakeAfter;
  private final Duration lookAhead;
  private final Map<Key, Woken> woken = new HashMap<>();

  WakeSelection(Duration rewakeAfter, Duration lookAhead) {
    this.rewakeAfter = rewakeAfter;
    this.lookAhead = lookAhead;
  }

  /**
   * The cases of {@code due} to wake now, each once.
   *
   * @param now the case clock's time: a moment after it is still ahead
   * @param nanos the monotonic timer (the windows are real time: how long a projection step takes)
   */
  List<String> select(List<Due> due, Instant now, long nanos) {
    long dueWindow = rewakeAfter.toNanos();
    long earlyWindow = lookAhead.plus(rewakeAfter).toNanos();
    woken.values().removeIf(w -> nanos - w.atNanos() > (w.early() ? earlyWindow : dueWindow));
    Set<String> selected = new LinkedHashSet<>();
    for (Due d : due) {
      boolean early = d.nextAt().isAfter(now);
      Key key = new Key(d.caseId(), d.nextAt());
      Woken before = woken.get(key);
      // Woken for this moment already: as due, or early and it is still ahead.
      if (before != null && (!before.early() || early)) continue;
      selected.add(d.caseId());
      woken.put(key, new Woken(nanos, early));
    }
    return new ArrayList<>(selected);
  }

  /**
   * Forgets that {@code caseIds} were woken for the moments that have come: their node's clock was
   * behind when they checked, so they are woken again the next time they are due.
   */
  void forget(Collection<String> caseIds) {
    Set<String> ids = new HashSet<>(caseIds);
    woken.entrySet().removeIf(e -> !e.getValue().early() && ids.contains(e.getKey().caseId()));
  }

  /** How many (case, moment) pairs it remembers: bounded by the cases due within the windows. */
  int remembered() {
    return woken.size();
  }
}
