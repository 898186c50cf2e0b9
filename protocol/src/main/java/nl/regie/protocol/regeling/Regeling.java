package nl.regie.protocol.regeling;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rulebook of one regeling (a region's Wmo arrangement): its product catalogue and stacking
 * rules. Built by {@link RegelingLoader} from a file; an instance is always consistent.
 */
public record Regeling(
    String id, String naam, List<String> bronnen, Map<String, Product> producten, Stapelregels stapelregels) {

  public Regeling {
    bronnen = List.copyOf(bronnen);
    producten = Map.copyOf(producten);
  }

  static Regeling of(
      String id, String naam, List<String> bronnen, List<Product> producten, Stapelregels stapelregels) {
    return new Regeling(
        id,
        naam,
        bronnen,
        producten.stream().collect(Collectors.toMap(Product::code, Function.identity())),
        stapelregels);
  }

  public Optional<Product> product(String code) {
    return Optional.ofNullable(producten.get(code));
  }

  /** The first forbidden combination among {@code products}, if any (see {@link Stapelregels}). */
  public Optional<String> stapelconflict(Collection<Product> products) {
    return stapelregels.conflict(products);
  }
}
