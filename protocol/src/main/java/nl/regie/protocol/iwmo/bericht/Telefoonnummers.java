package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;

/** CDT_Telefoonnummers: one number, optionally a second (may be null). */
public record Telefoonnummers(Telefoon telefoon01, Telefoon telefoon02) {
  public Telefoonnummers {
    Objects.requireNonNull(telefoon01, "telefoon01");
  }
}
