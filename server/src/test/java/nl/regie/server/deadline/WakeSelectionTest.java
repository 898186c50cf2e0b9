package nl.regie.server.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.regie.persistence.DeadlineIndex.Due;
import org.junit.jupiter.api.Test;

class WakeSelectionTest {

  static final Instant MIDNIGHT = Instant.parse("2027-03-02T23:00:00Z");
  static final long SECOND = 1_000_000_000L;

  final WakeSelection selection = new WakeSelection(Duration.ofSeconds(30), Duration.ofSeconds(60));

  @Test
  void aCaseIsWokenOnceBeforeItsMomentAndOnceWhenItHasCome() {
    List<Due> rows = List.of(new Due("a", MIDNIGHT), new Due("b", MIDNIGHT));
    Instant before = MIDNIGHT.minusSeconds(50);

    assertEquals(List.of("a", "b"), selection.select(rows, before, 0), "early: into memory before the moment");
    assertEquals(List.of(), selection.select(rows, before.plusSeconds(1), SECOND), "not again while the moment is ahead");
    assertEquals(List.of("a", "b"), selection.select(rows, MIDNIGHT, 50 * SECOND), "once more when it has come");
    assertEquals(List.of(), selection.select(rows, MIDNIGHT.plusSeconds(1), 51 * SECOND), "the index lags; no repeats");
  }

  @Test
  void aMomentStillInTheIndexAfterTheRewakeWindowIsWokenAgain() {
    List<Due> rows = List.of(new Due("a", MIDNIGHT));
    assertEquals(List.of("a"), selection.select(rows, MIDNIGHT, 0));
    assertEquals(List.of(), selection.select(rows, MIDNIGHT, 29 * SECOND));
    assertEquals(List.of("a"), selection.select(rows, MIDNIGHT, 31 * SECOND), "lost wake or failed case: try again");
    assertEquals(1, selection.remembered());
  }

  @Test
  void aCaseDueNowWithAnotherMomentAheadIsWokenOnceForEach() {
    List<Due> rows = List.of(new Due("a", MIDNIGHT), new Due("b", MIDNIGHT.plusSeconds(30)), new Due("a", MIDNIGHT.plusSeconds(40)));
    assertEquals(List.of("a", "b"), selection.select(rows, MIDNIGHT, 0));
    assertEquals(List.of(), selection.select(rows, MIDNIGHT.plusSeconds(10), 10 * SECOND));
    assertEquals(List.of("b", "a"), selection.select(rows.subList(1, 3), MIDNIGHT.plusSeconds(45), 45 * SECOND));
  }

  @Test
  void earlyWakesAreForgottenOnceTheirWindowHasPassed() {
    selection.select(List.of(new Due("a", MIDNIGHT)), MIDNIGHT.minusSeconds(60), 0);
    selection.select(List.of(), MIDNIGHT, 91 * SECOND);
    assertEquals(0, selection.remembered());
  }

  @Test
  void aCaseThatCheckedBeforeItsNodeSawTheTimeIsWokenAgainAtTheNextPoll() {
    List<Due> rows = List.of(new Due("a", MIDNIGHT), new Due("b", MIDNIGHT), new Due("c", MIDNIGHT.plusSeconds(30)));
    assertEquals(List.of("a", "b", "c"), selection.select(rows, MIDNIGHT, 0));
    selection.forget(List.of("a", "c"));
    assertEquals(List.of("a"), selection.select(rows, MIDNIGHT, SECOND), "a's node was behind; c's early wake still stands");
    assertEquals(List.of(), selection.select(rows, MIDNIGHT, 2 * SECOND));
  }
}
