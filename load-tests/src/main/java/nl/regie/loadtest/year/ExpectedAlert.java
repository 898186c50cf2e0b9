package nl.regie.loadtest.year;

import java.time.Instant;

/** An alert the script makes due: {@code code} of the case at {@code level}, from {@code moment} on. */
public record ExpectedAlert(int caseIndex, String code, String level, Instant moment) {

  /** What an arrived alert is matched on. */
  public String key(String caseId) {
    return caseId + " " + code + " " + level;
  }
}
