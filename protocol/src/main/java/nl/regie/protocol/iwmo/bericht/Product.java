package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;
import nl.regie.protocol.codes.Productcategorie;

/**
 * CDT_Product: a categorie and optionally a productcode within it (at most five characters, fitting
 * the categorie per the product code list in use: S329).
 *
 * @param code null for a toewijzing on categorie level only
 */
public record Product(Productcategorie categorie, String code) {
  public Product {
    Objects.requireNonNull(categorie, "categorie");
  }

  /** The product with this code, in the categorie its first two characters name. */
  public static Product van(String code) {
    return new Product(
        Productcategorie.ofProductcode(code)
            .orElseThrow(() -> new IllegalArgumentException("no productcategorie in '" + code + "'")),
        code);
  }
}
