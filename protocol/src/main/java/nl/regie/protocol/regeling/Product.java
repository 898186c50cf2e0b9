package nl.regie.protocol.regeling;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import nl.regie.protocol.codes.Productcategorie;

/**
 * A product that a regeling lets the gemeente toewijzen.
 *
 * @param code the iWmo productcode (five characters; the first two are its {@link Productcategorie})
 * @param naam what the regeling calls it
 * @param segment the group it stacks by (e.g. 1A1, 3A, logeren); products of one segment stack
 * @param geldigTot the last ingangsdatum it may still be assigned with, if it is being phased out
 * @param gemeenten the gemeenten (CBS codes) that offer it; empty: every gemeente of the regeling
 * @param alleenMet segments of which the cliënt must also have a toewijzing ("alleen in combinatie
 *     met"); empty: none needed
 * @param band the omvang it allows, if its source gives one; null: any omvang
 */
public record Product(
    String code, String naam, String segment, LocalDate geldigTot, Set<String> gemeenten, Set<String> alleenMet,
    Omvangband band) {

  public Product {
    gemeenten = gemeenten == null ? Set.of() : Set.copyOf(gemeenten);
    alleenMet = alleenMet == null ? Set.of() : Set.copyOf(alleenMet);
  }

  /** A product offered everywhere, needing no other, with any omvang. */
  public Product(String code, String naam, String segment, LocalDate geldigTot) {
    this(code, naam, segment, geldigTot, Set.of(), Set.of(), null);
  }

  public Productcategorie categorie() {
    return Productcategorie.ofProductcode(code).orElseThrow();
  }

  public Optional<LocalDate> geldigTotOptional() {
    return Optional.ofNullable(geldigTot);
  }

  public Optional<Omvangband> bandOptional() {
    return Optional.ofNullable(band);
  }

  /** Whether a toewijzing that starts on {@code ingangsdatum} may still use this product. */
  public boolean geldigOp(LocalDate ingangsdatum) {
    return geldigTot == null || !ingangsdatum.isAfter(geldigTot);
  }

  /** Whether gemeente {@code gemeente} (a CBS code) offers this product. */
  public boolean aangebodenIn(String gemeente) {
    return gemeenten.isEmpty() || gemeenten.contains(gemeente);
  }

  /**
   * Whether {@code met}, the cliënt's other products at the same time, hold what this product
   * needs: one of a segment in {@link #alleenMet}, or nothing when it needs none.
   */
  public boolean combinatieCompleet(Collection<Product> met) {
    return alleenMet.isEmpty() || met.stream().anyMatch(p -> alleenMet.contains(p.segment()));
  }
}
