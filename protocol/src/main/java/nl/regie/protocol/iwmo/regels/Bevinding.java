package nl.regie.protocol.iwmo.regels;

import java.util.Objects;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Klassepad;

/**
 * One rule a heenbericht breaks.
 *
 * @param regel the iWmo rule (e.g. {@code CS002}, {@code TR134}; {@code XSD} for the schema)
 * @param pad the berichtklasse where it was found
 * @param retourcode what the retourbericht says about it: {@code 0001} for the technical levels
 * @param melding a sentence for people
 */
public record Bevinding(
    String regel, Controleniveau niveau, Klassepad pad, Retourcode retourcode, String melding) {

  public Bevinding {
    Objects.requireNonNull(regel, "regel");
    Objects.requireNonNull(niveau, "niveau");
    Objects.requireNonNull(pad, "pad");
    Objects.requireNonNull(retourcode, "retourcode");
    Objects.requireNonNull(melding, "melding");
  }

  @Override
  public String toString() {
    return regel + " " + pad + " " + retourcode.code() + ": " + melding;
  }
}
