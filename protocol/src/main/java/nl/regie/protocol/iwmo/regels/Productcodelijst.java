package nl.regie.protocol.iwmo.regels;

import java.util.Collection;
import java.util.List;
import nl.regie.protocol.codes.Productcategorie;
import nl.regie.protocol.regeling.Regeling;

/**
 * The product code list a gemeente uses, against which rule TR381 (retourcode S329) checks that a
 * ProductCode fits its ProductCategorie. iWmo leaves the list to the gemeente ("volgens de
 * gehanteerde productcodelijst"), hence an interface.
 */
@FunctionalInterface
public interface Productcodelijst {

  boolean past(Productcategorie categorie, String productcode);

  /**
   * The convention of the national iWmo product codes and of the regionale catalogues: a code
   * starts with the two digits of its categorie (02A02 is begeleiding, 11X00 a rolvoorziening).
   */
  Productcodelijst CATEGORIE_PREFIX = (categorie, code) -> code.startsWith(categorie.code());

  /** Codes that are in one of the {@code regelingen}, in the categorie they have there. */
  static Productcodelijst van(Collection<Regeling> regelingen) {
    List<Regeling> kopie = List.copyOf(regelingen);
    return (categorie, code) ->
        kopie.stream().anyMatch(r -> r.product(code).filter(p -> p.categorie() == categorie).isPresent());
  }
}
