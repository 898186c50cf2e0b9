package nl.regie.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every handler of case events (the state, the deadline planning, the history, the deadline and
 * outbox projections) implements {@link CaseEvent.Visitor}, which has one method for each event
 * type: an event type added and forgotten anywhere does not compile. This test keeps the visitor
 * whole, and runs every event sample through the handlers that need no database.
 */
class CaseEventVisitorTest {

  @Test
  void theVisitorHasOneMethodForEachEventType() {
    Set<Class<?>> handled = Arrays.stream(CaseEvent.Visitor.class.getDeclaredMethods())
        .map(Method::getParameterTypes).map(types -> types[0]).collect(Collectors.toSet());
    assertEquals(Set.of(CaseEvent.class.getPermittedSubclasses()), handled);
    assertEquals(CaseEvent.class.getPermittedSubclasses().length, CaseEvent.Visitor.class.getDeclaredMethods().length);
  }

  @Test
  void everySampleIsTakenByTheStateThePlanningAndTheHistory() {
    CaseState state = CaseStateSamples.replayed();
    for (CaseEvent event : CaseEventSamples.all().values()) {
      CaseState after = state.apply(event);
      // A journal row that groups events is those events one by one: each counted, each planned.
      java.util.List<CaseEvent> events = CaseEvent.unpacked(java.util.List.of(event));
      assertEquals(state.version() + events.size(), after.version(), event.getClass().getSimpleName());
      for (CaseEvent e : events) CaseGebeurtenissen.of(e, state, state.apply(e), LocalDate.parse("2027-03-01"));
    }
    assertEquals(CaseEventSamples.all().size() - 4, CaseHistory.of(java.util.List.copyOf(CaseEventSamples.all().values())).size(),
        "a line for every event but the deadline bookkeeping and the grouping of the journal");
  }
}
