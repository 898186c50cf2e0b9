package nl.regie.protocol.api;

import java.util.List;
import nl.regie.protocol.codes.Gemeenten;

/**
 * Body of {@code screening-afronden}. A gemeente van herkomst other than the case's gemeente hands
 * the case over to it (seed 000).
 */
public record ScreeningAfrondenBody(Boolean eersteOpvangNodig, String gemeenteVanHerkomst)
    implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations()
        .required(eersteOpvangNodig, "eersteOpvangNodig")
        .required(gemeenteVanHerkomst, "gemeenteVanHerkomst")
        .check(gemeenteVanHerkomst, Gemeenten::exists, "gemeenteVanHerkomst", "not a CBS gemeentecode")
        .list();
  }
}
