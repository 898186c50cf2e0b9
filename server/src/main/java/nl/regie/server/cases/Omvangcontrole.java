package nl.regie.server.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.regeling.Omvangband;
import nl.regie.protocol.regeling.Product;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.server.cases.CaseCommand.Toewijzen;

/**
 * The omvang of each toewijzing of a beschikking, for products with a band ({@link Omvangband}):
 * a given omvang must fall inside it; a missing one is the band's gemiddelde per week ({@link
 * Omvangband#afgeleid}), which needs an einddatum (iWmo CD076). A product without a band, or whose
 * band has no gemiddelde, needs its omvang given.
 */
final class Omvangcontrole {

  private Omvangcontrole() {}

  /** The omvang of each regel, in order (null where it could not be had), and what is wrong. */
  record Uitkomst(List<Omvang> omvangen, List<String> fouten) {}

  static Uitkomst omvangen(List<Toewijzen.Regel> regels, Regeling regeling) {
    List<Omvang> omvangen = new ArrayList<>();
    List<String> fouten = new ArrayList<>();
    for (int i = 0; i < regels.size(); i++) {
      Toewijzen.Regel regel = regels.get(i);
      String at = "toewijzingen[" + i + "].omvang: ";
      // A product outside the regeling is reported by the beschikking itself.
      Optional<Omvangband> band = regeling.product(regel.product()).flatMap(Product::bandOptional);
      if (regel.omvang() != null) {
        band.flatMap(b -> b.toets(regel.omvang(), regel.ingangsdatum(), regel.einddatum()))
            .ifPresent(probleem -> fouten.add(at + probleem + " (product " + regel.product() + ")"));
        omvangen.add(regel.omvang());
        continue;
      }
      Optional<Omvang> afgeleid = band.flatMap(Omvangband::afgeleid);
      if (afgeleid.isPresent() && regel.einddatum() != null) {
        omvangen.add(afgeleid.get());
      } else if (afgeleid.isPresent()) {
        fouten.add(at + "required without an einddatum: the gemiddelde of product " + regel.product()
            + " is taken per week, which iWmo CD076 allows only with an einddatum");
        omvangen.add(null);
      } else if (band.isPresent()) {
        fouten.add(at + "required: the band of product " + regel.product() + " (" + band.get().omschrijving()
            + ") has no gemiddelde to take");
        omvangen.add(null);
      } else {
        fouten.add(at + "required");
        omvangen.add(null);
      }
    }
    return new Uitkomst(omvangen, fouten);
  }
}
