package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;

/** CDT_Achternaam: a surname and its voorvoegsel (may be null). */
public record Achternaam(String achternaam, String voorvoegsel) {
  public Achternaam {
    Objects.requireNonNull(achternaam, "achternaam");
  }
}
