package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;
import nl.regie.protocol.codes.Communicatievorm;

/** CDT_Communicatie. Taal is given exactly when Vorm is 1, tolk taal (CD007). */
public record Communicatie(Communicatievorm vorm, String taal) {
  public Communicatie {
    Objects.requireNonNull(vorm, "vorm");
  }
}
