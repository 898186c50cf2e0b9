package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code aanvraag-ontvangen}: the inwoner signed the verslag, which makes it the aanvraag. */
public record AanvraagOntvangenBody(LocalDate ondertekendOp) implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations().required(ondertekendOp, "ondertekendOp").list();
  }
}
