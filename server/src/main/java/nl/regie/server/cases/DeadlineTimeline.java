package nl.regie.server.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.protocol.cases.DeadlineStatus;

/**
 * What time alone does to a case's deadlines: at {@code now}, which warnings, misses and
 * escalations are due and not yet raised. Each is raised once, because raising it is an event that
 * changes the deadline. A deadline found long past its due date (a case woken late) is marked
 * missed, and escalated if that moment has passed too, without a warning that would come too
 * late to help.
 */
final class DeadlineTimeline {

  private DeadlineTimeline() {}

  /** Raises what time has made due; answered with how many alerts that were. */
  static Decision wake(CaseState state, CaseCommand.Wake c, DecisionContext context) {
    if (state.isNew()) return Decision.answer(state, new CaseReply.Checked(0, context.now()));
    List<CaseEvent> due = due(state, context);
    return new Change(state, context).recordAll(due).decide(new CaseReply.Checked(due.size(), context.now()));
  }

  static List<CaseEvent> due(CaseState state, DecisionContext context) {
    Instant now = context.now();
    List<CaseEvent> events = new ArrayList<>();
    for (Deadline d : state.deadlines()) {
      if (d.status() == DeadlineStatus.OPEN) {
        if (!now.isBefore(d.missedAt())) {
          events.add(alert(state, context, d, AlertLevel.MISSED, d.missedAt(), now));
          if (d.escalateAt() != null && !now.isBefore(d.escalateAt())) {
            events.add(alert(state, context, d, AlertLevel.ESCALATED, d.escalateAt(), now));
          }
        } else if (!d.warned() && d.warnAt() != null && !now.isBefore(d.warnAt())) {
          events.add(alert(state, context, d, AlertLevel.WARNING, d.warnAt(), now));
        }
      } else if (d.status() == DeadlineStatus.MISSED && d.escalateAt() != null && !now.isBefore(d.escalateAt())) {
        events.add(alert(state, context, d, AlertLevel.ESCALATED, d.escalateAt(), now));
      }
    }
    return events;
  }

  /** An alert carries what it is about whole, so that the alert table and webhooks need nothing else. */
  private static CaseEvent alert(CaseState state, DecisionContext context, Deadline d, AlertLevel level, Instant scheduledFor, Instant now) {
    return new CaseEvent.DeadlineAlerted(
        d.id(), level, d.code(), Deadline.omschrijving(d, state, context.regelingen()), d.responsible(), d.due(), gemeente(state, d), scheduledFor, now);
  }

  /** The gemeente whose toegang or backoffice must act (another's during a verhuizing), else the case's. */
  private static String gemeente(CaseState state, Deadline d) {
    for (String role : new String[] {"toegang:", "backoffice:"}) {
      if (d.responsible().startsWith(role)) return d.responsible().substring(role.length());
    }
    return state.gemeente();
  }
}
