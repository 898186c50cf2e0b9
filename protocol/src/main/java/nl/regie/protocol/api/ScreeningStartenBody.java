package nl.regie.protocol.api;

import java.util.List;

/** Body of {@code screening-starten}: nothing but an empty object (or no body at all). */
public record ScreeningStartenBody() implements Validatable {

  @Override
  public List<String> problems() {
    return List.of();
  }
}
