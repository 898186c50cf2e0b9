package nl.regie.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code errors} lists every field
 * problem of a rejected body.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, String instance, List<String> errors) {

  public static final String BASE = "https://regie.nl/problems/";

  public static Problem of(String slug, String title, int status, String detail) {
    return new Problem(BASE + slug, title, status, detail, null, List.of());
  }

  public Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors);
  }

  public Problem withErrors(List<String> fieldErrors) {
    return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
  }
}
