package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;

/** CDT_Telefoon: digits only, with the country prefix as Landnummer (e.g. 0031). */
public record Telefoon(String telefoonnummer, String landnummer) {
  public Telefoon {
    Objects.requireNonNull(telefoonnummer, "telefoonnummer");
    Objects.requireNonNull(landnummer, "landnummer");
  }
}
