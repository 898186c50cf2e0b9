package nl.regie.server.cases;

import java.util.List;

/**
 * What a case decided about one command: the events to persist (none for a refusal or a
 * question), the state after them, and the reply. Made by a {@link Change}, which folds each
 * event into the state once.
 */
record Decision(List<CaseEvent> events, CaseState after, CaseReply reply) {

  Decision {
    events = List.copyOf(events);
  }

  /** Nothing changes; the case answers {@code reply}. */
  static Decision answer(CaseState state, CaseReply reply) {
    return new Decision(List.of(), state, reply);
  }

  static Decision conflict(CaseState state, String detail) {
    return answer(state, CaseReply.conflict(detail));
  }

  static Decision invalid(CaseState state, List<String> errors) {
    return answer(state, CaseReply.invalid(errors));
  }

  static Decision invalid(CaseState state, String error) {
    return invalid(state, List.of(error));
  }
}
