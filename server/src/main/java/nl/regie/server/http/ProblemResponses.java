package nl.regie.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import nl.regie.protocol.api.ApiJson;
import nl.regie.protocol.api.Problem;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/** Builds {@code application/problem+json} responses (RFC 9457) and plain JSON ones. */
public final class ProblemResponses {

  public static final ContentType PROBLEM_JSON =
      ContentTypes.create(MediaTypes.applicationWithFixedCharset("problem+json", HttpCharsets.UTF_8, "json"));

  private ProblemResponses() {}

  public static HttpResponse of(Problem problem) {
    return HttpResponse.create()
        .withStatus(StatusCodes.get(problem.status()))
        .withEntity(PROBLEM_JSON, write(problem));
  }

  public static HttpResponse badRequest(String detail, List<String> errors) {
    return of(Problem.of("invalid-request", "The request is not valid", 400, detail).withErrors(errors));
  }

  public static HttpResponse notFound(String detail) {
    return of(Problem.of("not-found", "Not found", 404, detail));
  }

  public static HttpResponse forbidden(String detail) {
    return of(Problem.of("forbidden", "Forbidden", 403, detail));
  }

  public static HttpResponse conflict(String detail) {
    return of(Problem.of("fase-conflict", "Not allowed in the case's current state", 409, detail));
  }

  public static HttpResponse unavailable(String detail) {
    return of(Problem.of("unavailable", "Temporarily unavailable", 503, detail));
  }

  /** A problem for a status Pekko chose (a rejection), keeping its own explanation. */
  public static HttpResponse forStatus(StatusCode status, String detail) {
    String slug = status.reason().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return of(Problem.of(slug, status.reason(), status.intValue(), detail));
  }

  public static HttpResponse json(StatusCode status, Object body) {
    return HttpResponse.create().withStatus(status).withEntity(ContentTypes.APPLICATION_JSON, write(body));
  }

  private static byte[] write(Object body) {
    try {
      return ApiJson.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
    }
  }
}
