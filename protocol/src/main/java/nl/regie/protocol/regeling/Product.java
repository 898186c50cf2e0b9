package nl.regie.protocol.regeling;

import java.time.LocalDate;
import java.util.Optional;
import nl.regie.protocol.codes.Productcategorie;

/**
 * A product that a regeling lets the gemeente toewijzen.
 *
 * @param code the iWmo productcode (five characters; the first two are its {@link Productcategorie})
 * @param naam what the regeling calls it
 * @param segment the group it stacks by (e.g. 1A1, 3A, logeren); products of one segment stack
 * @param geldigTot the last ingangsdatum it may still be assigned with, if it is being phased out
 */
public record Product(String code, String naam, String segment, LocalDate geldigTot) {

  public Productcategorie categorie() {
    return Productcategorie.ofProductcode(code).orElseThrow();
  }

  public Optional<LocalDate> geldigTotOptional() {
    return Optional.ofNullable(geldigTot);
  }

  /** Whether a toewijzing that starts on {@code ingangsdatum} may still use this product. */
  public boolean geldigOp(LocalDate ingangsdatum) {
    return geldigTot == null || !ingangsdatum.isAfter(geldigTot);
  }
}
