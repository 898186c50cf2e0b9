package nl.regie.server.cases;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import nl.regie.protocol.codes.Retourcode;

/**
 * One iWmo berichtklasse is judged once: the first time, its effect and its judgement are
 * persisted together; the same klasse sent again gets the same retourcodes and changes nothing.
 */
final class Berichtklassen {

  /** The retourcodes of one klasse and what it changes (nothing when it is rejected). */
  record Oordeel(List<Retourcode> retourcodes, List<CaseEvent> effect) {
    Oordeel {
      retourcodes = List.copyOf(retourcodes);
      effect = List.copyOf(effect);
    }

    static Oordeel afgekeurd(Retourcode code) {
      return new Oordeel(List.of(code), List.of());
    }

    static Oordeel goed(CaseEvent effect) {
      return new Oordeel(List.of(Retourcode.R0200), List.of(effect));
    }
  }

  private Berichtklassen() {}

  /**
   * @param ref the klasse across retries: afzender/soort/identificatie/klassepad
   * @param berichtId the stored bericht, for the audit trail
   */
  static Decision judgeOnce(CaseState state, String ref, long berichtId, String soort, DecisionContext context, Supplier<Oordeel> judge) {
    Optional<List<String>> earlier = state.beoordeling(ref);
    if (earlier.isPresent()) {
      return Decision.answer(state, new CaseReply.Beoordeeld(earlier.get().stream().map(Retourcode::of).toList()));
    }
    Oordeel oordeel = judge.get();
    return new Change(state, context)
        .recordAll(oordeel.effect())
        .record(new CaseEvent.BerichtklasseBeoordeeld(ref, berichtId, soort,
            oordeel.retourcodes().stream().map(Retourcode::code).toList(), context.now()))
        .decide(new CaseReply.Beoordeeld(oordeel.retourcodes()));
  }
}
