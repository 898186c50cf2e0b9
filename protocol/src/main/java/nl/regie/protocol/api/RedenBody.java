package nl.regie.protocol.api;

import java.util.List;

/** Body of {@code intrekken} and {@code afwijzen}: why, in words the inwoner will read. */
public record RedenBody(String reden) implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations().required(reden, "reden").maxLength(reden, 2000, "reden").list();
  }
}
