package nl.regie.protocol.regeling;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.regie.protocol.kalender.Werkdagen;

/**
 * The rulebook of one regeling (a region's Wmo arrangement): its product catalogue, stacking rules,
 * deadline rules and the working-day calendar its deadlines count in. Built by {@link
 * RegelingLoader} from a file; an instance is always consistent.
 *
 * @param eigenBijdrageViaCak whether the CAK levies the eigen bijdrage for its toewijzingen (the
 *     file's {@code eigenBijdrage: cak}, the default), so that they go into the CAK aanlevering;
 *     false where the aanbieder collects it ({@code eigenBijdrage: aanbieder}, seed 000 for MO)
 */
public record Regeling(
    String id,
    String naam,
    List<String> bronnen,
    Map<String, Product> producten,
    Stapelregels stapelregels,
    List<DeadlineRule> deadlineRules,
    Werkdagen kalender,
    Beeindiging beeindiging,
    boolean eigenBijdrageViaCak) {

  public Regeling {
    beeindiging = beeindiging == null ? Beeindiging.STANDAARD : beeindiging;
    bronnen = List.copyOf(bronnen);
    producten = Map.copyOf(producten);
    deadlineRules = List.copyOf(deadlineRules);
  }

  static Regeling of(
      String id,
      String naam,
      List<String> bronnen,
      List<Product> producten,
      Stapelregels stapelregels,
      List<DeadlineRule> deadlineRules,
      Werkdagen kalender,
      Beeindiging beeindiging,
      boolean eigenBijdrageViaCak) {
    return new Regeling(
        id,
        naam,
        bronnen,
        producten.stream().collect(Collectors.toMap(Product::code, Function.identity())),
        stapelregels,
        deadlineRules,
        kalender,
        beeindiging,
        eigenBijdrageViaCak);
  }

  /** The rules a deadline starts from when {@code event} happens. */
  public List<DeadlineRule> deadlineRulesFrom(Gebeurtenis event) {
    return deadlineRules.stream().filter(r -> r.start() == event).toList();
  }

  public Optional<DeadlineRule> deadlineRule(String code) {
    return deadlineRules.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  public Optional<Product> product(String code) {
    return Optional.ofNullable(producten.get(code));
  }

  /** The first forbidden combination among {@code products}, if any (see {@link Stapelregels}). */
  public Optional<String> stapelconflict(Collection<Product> products) {
    return stapelregels.conflict(products);
  }
}
