package nl.regie.server.cases;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.regie.protocol.aanbieder.Aanbieder;
import nl.regie.protocol.aanbieder.Aanbiedersregister;

/**
 * Who may get a toewijzing when a regeling's aanbieders engage onderaannemers. 004 §2.2: an
 * onderaannemer works under its hoofdaanbieder, which is liable for the whole opdracht and through
 * which all berichten go; so the gemeente assigns to the hoofdaanbieder, never to an AGB the
 * register lists only as onderaannemer. An AGB the register does not name is not refused: the
 * register lists onderaanneming, not every contract.
 */
final class Onderaanneming {

  private Onderaanneming() {}

  /** Why {@code agb} may not get a toewijzing in {@code regeling}, naming its hoofdaanbieders; empty when it may. */
  static Optional<String> weigering(Aanbiedersregister register, String regeling, String agb) {
    if (agb == null || !register.alleenOnderaannemer(regeling, agb)) return Optional.empty();
    List<Aanbieder> hoofd = register.hoofdaanbiedersVan(regeling, agb);
    String namen = hoofd.stream()
        .map(a -> a.beschrijving() + ", " + a.onderaannemer(agb).orElseThrow().toestemming())
        .collect(Collectors.joining("; "));
    return Optional.of(agb + " is in regeling " + regeling + " an onderaannemer only, of " + (hoofd.size() == 1 ? "hoofdaanbieder " : "hoofdaanbieders ") + namen
        + ". Assign to the hoofdaanbieder: it is liable for the care and all berichten go through it (004 §2.2)");
  }
}
