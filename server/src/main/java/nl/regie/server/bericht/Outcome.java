package nl.regie.server.bericht;

import java.util.List;
import nl.regie.protocol.iwmo.bericht.Retourcodes;

/** What came of a received bericht at its cases. */
sealed interface Outcome {

  /** Every klasse judged: the retourcodes, and the cases that judged them (the first is the bericht's own). */
  record Judged(Retourcodes codes, List<String> caseIds) implements Outcome {
    public Judged {
      caseIds = List.copyOf(caseIds);
    }

    String firstCase() {
      return caseIds.isEmpty() ? null : caseIds.get(0);
    }
  }

  /** No case can take the bericht as it is; HTTP {@code status} says why. */
  record Unplaceable(int status, String slug, String title, String detail, List<String> problemen) implements Outcome {
    public Unplaceable {
      problemen = List.copyOf(problemen);
    }
  }
}
