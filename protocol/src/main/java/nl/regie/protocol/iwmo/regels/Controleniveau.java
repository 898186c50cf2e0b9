package nl.regie.protocol.iwmo.regels;

/**
 * The four levels at which iWmo checks a received heenbericht (IV032), and what a failure means.
 */
public enum Controleniveau {
  /** Schema (XSD). The sender gets an error; per IV028 no retourbericht is sent. */
  BERICHTFORMAAT,
  /**
   * Rules within the message (the official XSLTs: TR, CD and CS rules). The whole message is
   * rejected: the retourbericht is only a header with retourcode 0001.
   */
  BERICHTINHOUD,
  /** Rules against earlier berichten. Their own retourcode, on the berichtklasse concerned. */
  BERICHTOVERSTIJGEND,
  /**
   * Rules against outside sources: the system date, the CBS gemeente list, the product code list,
   * contract terms. Their own retourcode, on the berichtklasse concerned.
   */
  EXTERNE_BRON;

  /** Whether a failure at this level rejects the message as a whole with 0001. */
  public boolean isTechnisch() {
    return this == BERICHTFORMAAT || this == BERICHTINHOUD;
  }
}
