package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code overlijden}: the cliënt's date of death, as the gemeente heard it (004 §5.8). */
public record OverlijdenBody(LocalDate datum) implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations().required(datum, "datum").list();
  }
}
