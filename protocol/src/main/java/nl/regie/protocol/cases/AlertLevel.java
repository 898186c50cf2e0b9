package nl.regie.protocol.cases;

/** How loud an alert is: a warning before the due date, a miss, or an escalation to a supervisor. */
public enum AlertLevel {
  WARNING,
  MISSED,
  ESCALATED
}
