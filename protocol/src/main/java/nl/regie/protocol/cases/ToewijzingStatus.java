package nl.regie.protocol.cases;

/**
 * Where one toewijzing stands: assigned, care started (WMO305), care paused (WMO307 with reden 20,
 * a new start may follow) or stopped for good (WMO307 with any other reden).
 */
public enum ToewijzingStatus {
  TOEGEWEZEN,
  GESTART,
  ONDERBROKEN,
  GESTOPT;

  public boolean isActief() {
    return this != GESTOPT;
  }
}
