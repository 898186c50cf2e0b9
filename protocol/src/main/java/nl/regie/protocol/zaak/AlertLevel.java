package nl.regie.protocol.zaak;

/** How loud an alert is: a warning before the due date, a miss, or an escalation to a supervisor. */
public enum AlertLevel {
  WARNING,
  MISSED,
  ESCALATED
}
