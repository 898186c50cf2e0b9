package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;

/** CDT_VerkorteNaam, the cliënt's name in the berichten an aanbieder sends. */
public record VerkorteNaam(Achternaam geslachtsnaam, String voornamen, String voorletters) {
  public VerkorteNaam {
    Objects.requireNonNull(geslachtsnaam, "geslachtsnaam");
  }
}
