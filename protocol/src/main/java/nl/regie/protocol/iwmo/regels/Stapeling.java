package nl.regie.protocol.iwmo.regels;

import java.util.Set;
import nl.regie.protocol.codes.Productcategorie;
import nl.regie.protocol.iwmo.bericht.Product;

/**
 * When two products count as the same for the iWmo rules against stapeling (TR302, TR361, TR386,
 * TR410, OP347): the same productcode, or without a code the same categorie; a product without a
 * categorie counts as every product; hulpmiddelen (categories 11 to 14) never do. Used within one
 * bericht by the stateless rules, and against a cliënt's toewijzingen by the server.
 */
public final class Stapeling {

  private static final Set<Productcategorie> HULPMIDDELEN =
      Set.of(
          Productcategorie.ROLSTOELEN,
          Productcategorie.VERVOERVOORZIENINGEN,
          Productcategorie.WOONVOORZIENINGEN,
          Productcategorie.OVERIGE_HULPMIDDELEN);

  private Stapeling() {}

  /** Whether care periods of {@code a} and {@code b} may not overlap; null is a product without categorie. */
  public static boolean zelfdeProduct(Product a, Product b) {
    boolean hulpmiddelA = a != null && HULPMIDDELEN.contains(a.categorie());
    boolean hulpmiddelB = b != null && HULPMIDDELEN.contains(b.categorie());
    if (hulpmiddelA || hulpmiddelB) return false;
    if (a == null || b == null) return true;
    if (a.code() != null && b.code() != null) return a.code().equals(b.code());
    return a.categorie() == b.categorie();
  }
}
