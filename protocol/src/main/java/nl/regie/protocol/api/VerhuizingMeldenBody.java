package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.codes.Gemeenten;

/** Body of {@code verhuizing-melden}: the ontvangende gemeente (its four-digit CBS code) and the verhuisdatum. */
public record VerhuizingMeldenBody(String naar, LocalDate verhuisdatum) implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations()
        .required(naar, "naar")
        .check(naar, Gemeenten::exists, "naar", "not a CBS gemeentecode (four digits, e.g. 0983)")
        .required(verhuisdatum, "verhuisdatum")
        .list();
  }
}
