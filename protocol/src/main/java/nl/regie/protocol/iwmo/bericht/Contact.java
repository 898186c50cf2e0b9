package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;
import nl.regie.protocol.codes.Soortadres;

/**
 * Contact in WMO301: an address or other way to reach the cliënt or a relatie. A Contact has a
 * Telefoon or a Huis with Postcode (TR006); a Periode only for a tijdelijk verblijfadres (CD009).
 * All but Soort may be null.
 */
public record Contact(
    Soortadres soort,
    Adres adres,
    String organisatie,
    Telefoonnummers telefoon,
    String emailadres,
    Periode periode) {

  public Contact {
    Objects.requireNonNull(soort, "soort");
  }

  public static Contact adres(Soortadres soort, Adres adres) {
    return new Contact(soort, adres, null, null, null, null);
  }
}
