package nl.regie.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import nl.regie.server.cak.CakFeiten;
import org.junit.jupiter.api.Test;

/**
 * Which event samples mean something to the CAK aanlevering: the melding, a handover, the
 * toewijzingen, and every start and stop of care and their withdrawals; the rest nothing.
 */
class CakFeitenTest {

  @Test
  void onlyTheCaseFactsAndTheStartsAndStopsMatter() {
    Set<String> matter = new TreeSet<>();
    for (CaseEvent sample : CaseEvent.unpacked(java.util.List.copyOf(CaseEventSamples.all().values()))) {
      if (!CakFeiten.of(sample).isEmpty()) matter.add(sample.getClass().getSimpleName());
    }
    assertEquals(new TreeSet<>(Set.of("MeldingOntvangen", "Overgedragen", "Toegewezen", "ZorgGestart", "ZorgGestopt", "StartVerwijderd",
        "StopVerwijderd", "ToewijzingAfgelopen")), matter);
  }
}
