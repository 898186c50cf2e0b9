package nl.regie.protocol.cases;

/**
 * Where a case stands in its life: {@code MELDING → SCREENING → ONDERZOEK → TOEWIJZING → ZORG →
 * STOP}, or one of the other two ends, {@code INGETROKKEN} and {@code AFGEWEZEN}.
 */
public enum Fase {
  MELDING,
  SCREENING,
  ONDERZOEK,
  TOEWIJZING,
  ZORG,
  STOP,
  INGETROKKEN,
  AFGEWEZEN;

  public boolean isEinde() {
    return this == STOP || this == INGETROKKEN || this == AFGEWEZEN;
  }
}
