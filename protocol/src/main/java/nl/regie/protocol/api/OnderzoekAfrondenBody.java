package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code onderzoek-afronden}: the onderzoeksverslag went to the inwoner. */
public record OnderzoekAfrondenBody(LocalDate verslagVerstuurdOp) implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations().required(verslagVerstuurdOp, "verslagVerstuurdOp").list();
  }
}
