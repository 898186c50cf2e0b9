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
    // LDT_ProductCode has a minLength of 1: an empty code is no code, and would not read back as one.
    if (code != null && code.isEmpty()) {
      throw new IllegalArgumentException("code: one to five characters; leave it out for a toewijzing on categorie level");
    }
  }

  /** The product with this code, in the categorie its first two characters name. */
  public static Product van(String code) {
    return new Product(
        Productcategorie.ofProductcode(code)
            .orElseThrow(() -> new IllegalArgumentException("no productcategorie in '" + code + "'")),
        code);
  }
}
