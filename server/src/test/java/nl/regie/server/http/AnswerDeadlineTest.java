package nl.regie.server.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.onSuccess;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request that runs out of time gets its 503, and the client's next request, sent the way
 * clients send them (its pooled connection first), gets its answer too.
 */
class AnswerDeadlineTest {

  static final ActorTestKit testKit = ActorTestKit.create();
  static ServerBinding binding;

  @BeforeAll
  static void bind() throws Exception {
    Route slowAndFast = concat(
        // Read first, as every route of Regie's does: Pekko counts the time from the request's end.
        path("never", () -> entity(Unmarshaller.entityToString(), body -> onSuccess(new CompletableFuture<String>(), never -> complete(never)))),
        path("now", () -> complete("here")));
    binding = Http.get(testKit.system()).newServerAt("127.0.0.1", 0)
        .bind(AnswerDeadline.of(Duration.ofMillis(300), () -> slowAndFast)).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void unbind() {
    binding.unbind();
    testKit.shutdownTestKit();
  }

  @Test
  void theNextRequestOnTheSameClientIsAnsweredAfterATimeout() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int round = 0; round < 3; round++) {
      HttpResponse<String> late = client.send(request("/never"), HttpResponse.BodyHandlers.ofString());
      assertEquals(503, late.statusCode());
      assertEquals("application/problem+json", late.headers().firstValue("Content-Type").orElse(""));
      assertEquals(Optional.of("close"), late.headers().firstValue("Connection"));
      HttpResponse<String> next = client.send(request("/now"), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, next.statusCode());
      assertEquals("here", next.body());
    }
  }

  private static HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + path))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
  }
}
