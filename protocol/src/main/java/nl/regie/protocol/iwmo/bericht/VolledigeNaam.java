package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;
import nl.regie.protocol.codes.NaamGebruik;

/**
 * CDT_VolledigeNaam, used in WMO301 for the cliënt and relaties. NaamGebruik must fit whether a
 * Partnernaam is given (CS050).
 *
 * @param partnernaam may be null
 * @param voornamen may be null
 * @param voorletters may be null; letters without dots or spaces
 */
public record VolledigeNaam(
    Achternaam geslachtsnaam,
    Achternaam partnernaam,
    String voornamen,
    String voorletters,
    NaamGebruik naamGebruik) {

  public VolledigeNaam {
    Objects.requireNonNull(geslachtsnaam, "geslachtsnaam");
    Objects.requireNonNull(naamGebruik, "naamGebruik");
  }

  /** A person known by their own name only. */
  public static VolledigeNaam eigenNaam(String achternaam, String voorvoegsel, String voorletters) {
    return new VolledigeNaam(
        new Achternaam(achternaam, voorvoegsel), null, null, voorletters, NaamGebruik.EIGEN_NAAM);
  }
}
