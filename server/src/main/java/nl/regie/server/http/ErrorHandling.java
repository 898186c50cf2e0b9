package nl.regie.server.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import nl.regie.persistence.DatabaseUnavailableException;
import nl.regie.protocol.api.Problem;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.pattern.AskTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One place where failures become answers: every rejection and exception leaves as problem+json.
 * Futures wrap their failures, so causes are unwrapped before they are matched.
 */
public final class ErrorHandling {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  private ErrorHandling() {}

  public static ExceptionHandler exceptions() {
    return ExceptionHandler.newBuilder().match(Throwable.class, e -> complete(handle(e))).build();
  }

  static HttpResponse handle(Throwable thrown) {
    Throwable e = unwrap(thrown);
    if (e instanceof AskTimeoutException || e instanceof TimeoutException) {
      return ProblemResponses.unavailable("the case did not answer in time; try again");
    }
    if (e instanceof DatabaseUnavailableException) {
      log.warn("database unavailable: {}", e.getMessage());
      return ProblemResponses.unavailable("the database is not available; try again");
    }
    if (e instanceof EntityStreamSizeException size) {
      return ProblemResponses.of(
          Problem.of("content-too-large", "Content Too Large", 413, "the body is larger than " + size.limit() + " bytes"));
    }
    log.error("unexpected failure", e);
    return ProblemResponses.of(Problem.of("internal", "Internal server error", 500, "an unexpected error occurred"));
  }

  public static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** Pekko's own rejections (unknown path, wrong method, …), with their bodies as problem+json. */
  public static RejectionHandler rejections() {
    return RejectionHandler.defaultHandler().mapRejectionResponse(ErrorHandling::asProblem);
  }

  private static HttpResponse asProblem(HttpResponse response) {
    if (response.entity().getContentType().equals(ProblemResponses.PROBLEM_JSON)) return response;
    String detail = response.entity() instanceof HttpEntity.Strict strict
        && strict.getContentType().equals(ContentTypes.TEXT_PLAIN_UTF8)
        ? strict.getData().utf8String()
        : response.status().defaultMessage();
    if (response.status().equals(StatusCodes.NOT_FOUND)) detail = "no such resource";
    return ProblemResponses.forStatus(response.status(), detail).withHeaders(response.getHeaders());
  }
}
