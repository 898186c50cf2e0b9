package nl.regie.server.http;

import static org.apache.pekko.http.javadsl.server.Directives.*;

import java.util.function.Function;
import nl.regie.protocol.api.Problem;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/** Takes a request's JSON body as text; anything but JSON (or no body) is answered with 415. */
public final class JsonRequests {

  private JsonRequests() {}

  public static Route body(Function<String, Route> inner) {
    return extractRequestEntity(entity -> {
      if (!isEmpty(entity) && !entity.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
        return complete(ProblemResponses.of(Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
            "send the body as application/json, not " + entity.getContentType().mediaType())));
      }
      return entity(Unmarshaller.entityToString(), inner);
    });
  }

  private static boolean isEmpty(HttpEntity entity) {
    return entity.isKnownEmpty() || entity.getContentLengthOption().orElse(-1L) == 0L;
  }
}
