package nl.regie.protocol.cases;

/**
 * Where a deadline stands: running, met (on time or late), missed, missed and escalated to a
 * supervisor, or lapsed because the case ended before it mattered.
 */
public enum DeadlineStatus {
  OPEN,
  MET,
  MISSED,
  ESCALATED,
  VERVALLEN;

  /** Whether the deadline still waits for the event that meets it. */
  public boolean isLopend() {
    return this == OPEN || this == MISSED || this == ESCALATED;
  }
}
