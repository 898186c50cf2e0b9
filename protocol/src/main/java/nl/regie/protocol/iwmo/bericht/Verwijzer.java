package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;
import nl.regie.protocol.codes.TypeVerwijzer;

/**
 * CDT_Verwijzer. For types 02-05 exactly one of Naam and ZorgverlenerCode (an AGB-code) is given;
 * other types carry no ZorgverlenerCode (CD066-CD068).
 */
public record Verwijzer(TypeVerwijzer type, String naam, String zorgverlenerCode) {
  public Verwijzer {
    Objects.requireNonNull(type, "type");
  }
}
