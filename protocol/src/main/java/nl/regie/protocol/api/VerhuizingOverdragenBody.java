package nl.regie.protocol.api;

import java.util.List;

/** Body of {@code verhuizing-overdragen}: nothing but an empty object (or no body at all). */
public record VerhuizingOverdragenBody() implements Validatable {

  @Override
  public List<String> problems() {
    return List.of();
  }
}
