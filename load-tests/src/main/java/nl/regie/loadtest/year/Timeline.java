package nl.regie.loadtest.year;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import nl.regie.protocol.kalender.Werkdagen;

/**
 * Hands the script's steps to the Gatling users that work them, one werkdag at a time: all of a
 * day's steps run at once, and only when the last has ended does one user move the virtual clock
 * to the next werkdag with work or with alerts due (10:00) and wait there for the alerts that
 * became due on the way.
 * So every step sees the clock at its own day and after the alerts before it: the run is
 * deterministic however fast or slow the server is. After the last day the clock goes on to the
 * script's end, so the last escalations fall due too.
 */
public final class Timeline {

  /** What a user does next. */
  public sealed interface Task {}

  public record Work(Script.Work work) implements Task {}

  /** Nothing to hand out until the day's running steps end. */
  public record Wait() implements Task {}

  /** Move the clock to {@code to}; then call {@link #advanced()}. */
  public record Advance(Instant to) implements Task {}

  public record Done() implements Task {}

  static final LocalTime WORKING_HOUR = LocalTime.of(10, 0);

  private final List<Instant> stops = new ArrayList<>();
  private final List<List<Script.Work>> stopWork = new ArrayList<>();
  private final Deque<Script.Work> pending = new ArrayDeque<>();
  private int next;
  private int running;
  private boolean advancing;
  private boolean done;

  /**
   * The clock stops at the werkdagen with work, and at those an expected alert falls due by
   * (after the stop before): a warning is raised only while its deadline is not yet missed (a
   * case woken after both moments raises the miss alone), and the script expects alerts as the
   * server raises them with a stop on every werkdag. Leaving out a stop with neither changes none
   * of that: an alert not expected stays unraised, as its first stop only comes later, and one
   * expected still has its stop. So a quiet stretch (the months of lange zorg) costs no stops.
   */
  public Timeline(Script script) {
    Werkdagen kalender = script.profile().rulebook().kalender();
    Instant end = script.end().plusSeconds(3600);
    java.util.TreeSet<Instant> due = new java.util.TreeSet<>();
    script.alerts().forEach(a -> due.add(a.moment()));
    Instant previous = Instant.MIN;
    for (LocalDate day = script.days().firstKey(); ; day = kalender.plusWerkdagen(day, 1)) {
      Instant stop = day.atTime(WORKING_HOUR).atZone(Script.ZONE).toInstant();
      if (stop.isAfter(end) && day.isAfter(script.days().lastKey())) break;
      List<Script.Work> work = script.days().getOrDefault(day, List.of());
      Instant firstDue = due.higher(previous);
      if (!stops.isEmpty() && work.isEmpty() && (firstDue == null || firstDue.isAfter(stop))) continue;
      stops.add(stop);
      stopWork.add(work);
      previous = stop;
    }
    if (end.isAfter(stops.get(stops.size() - 1))) {
      stops.add(end);
      stopWork.add(List.of());
    }
  }

  /** The first moment the clock must be at before any work. */
  public Instant first() {
    return stops.get(0);
  }

  /** The last moment the clock is moved to. */
  public Instant last() {
    return stops.get(stops.size() - 1);
  }

  public int days() {
    return stops.size();
  }

  public synchronized Task next() {
    if (done) return new Done();
    if (!pending.isEmpty()) {
      running++;
      return new Work(pending.poll());
    }
    if (running > 0 || advancing) return new Wait();
    if (next == stops.size()) {
      done = true;
      return new Done();
    }
    advancing = true;
    return new Advance(stops.get(next));
  }

  /** The clock is at the next stop and its alerts arrived: hand out its work. */
  public synchronized void advanced() {
    pending.addAll(stopWork.get(next));
    next++;
    advancing = false;
  }

  public synchronized void finished(Script.Work work) {
    running--;
  }

  public synchronized boolean isDone() {
    return done;
  }

  /** Stops the run early (the clock could not be moved): every user ends. */
  public synchronized void abort() {
    done = true;
  }
}
