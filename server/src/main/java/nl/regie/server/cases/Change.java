package nl.regie.server.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A decision in the making. Each event recorded is folded into the state once, and what it
 * amounts to for the deadlines ({@link CaseGebeurtenissen}) is kept; {@link #decide} then adds the
 * deadline events those occurrences cause (after the toewijzingen whose
 * einddatum passed, {@link Afloop})  (the regeling's rules, {@link DeadlinePlanner}) and the
 * alerts already due ({@link DeadlineTimeline}), folded the same way, and replies from the state
 * after all of it. Deciders read the state as it is so far with {@link #state()}.
 */
final class Change {

  private final DecisionContext context;
  private final List<CaseEvent> events = new ArrayList<>();
  private final List<CaseGebeurtenis> occurrences = new ArrayList<>();
  private CaseState state;

  Change(CaseState before, DecisionContext context) {
    this.state = before;
    this.context = context;
  }

  /** The case with every event recorded so far. */
  CaseState state() {
    return state;
  }

  DecisionContext context() {
    return context;
  }

  Change record(CaseEvent event) {
    CaseState before = state;
    state = state.apply(event);
    events.add(event);
    occurrences.addAll(CaseGebeurtenissen.of(event, before, state, context.today()));
    return this;
  }

  Change recordAll(List<? extends CaseEvent> more) {
    more.forEach(this::record);
    return this;
  }

  /** The decision, replying with the case's view. */
  Decision decide() {
    return decide(after -> new CaseReply.Accepted(CaseViews.of(after, context.regelingen())));
  }

  Decision decide(CaseReply reply) {
    return decide(after -> reply);
  }

  Decision decide(Function<CaseState, CaseReply> reply) {
    recordAll(Afloop.due(state, context));
    List<CaseGebeurtenis> planned = List.copyOf(occurrences);
    occurrences.clear();
    context.regeling(state).ifPresent(regeling -> new DeadlinePlanner(regeling, context.zone()).plan(this, planned));
    recordAll(DeadlineTimeline.due(state, context));
    return new Decision(events, state, reply.apply(state));
  }
}
