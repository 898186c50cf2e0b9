package nl.regie.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Optional;
import nl.regie.protocol.api.ApiJson;
import nl.regie.protocol.api.Validatable;

/**
 * Reads a request body into its record and checks it. Either the record, or every problem with
 * it: nothing half-read reaches a case.
 */
public final class JsonBodies {

  private JsonBodies() {}

  /** The outcome of reading a body. */
  public record Read<T>(Optional<T> body, List<String> problems) {
    static <T> Read<T> ok(T body) {
      return new Read<>(Optional.of(body), List.of());
    }

    static <T> Read<T> failed(List<String> problems) {
      return new Read<>(Optional.empty(), problems);
    }
  }

  /** An empty body reads as {@code {}}, so actions without content need none. */
  public static <T extends Validatable> Read<T> read(String text, Class<T> type) {
    String json = text == null || text.isBlank() ? "{}" : text;
    T body;
    try {
      body = ApiJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      return Read.failed(List.of(ApiJson.describe(e)));
    }
    if (body == null) return Read.failed(List.of("the body must be a JSON object"));
    List<String> problems = body.problems();
    return problems.isEmpty() ? Read.ok(body) : Read.failed(problems);
  }
}
