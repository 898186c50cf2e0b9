package nl.regie.protocol.iwmo.regels;

import java.util.Optional;
import nl.regie.protocol.iwmo.bericht.Heenbericht;

/**
 * A received document after reading and the stateless rules: the bericht, if it could be read,
 * and the verdict. When the document is unreadable or invalid against its schema, there is no
 * bericht and the verdict holds the schema problems (controleniveau 1).
 */
public record Ontvangst(Heenbericht bericht, Beoordeling beoordeling) {

  public Optional<Heenbericht> gelezen() {
    return Optional.ofNullable(bericht);
  }
}
