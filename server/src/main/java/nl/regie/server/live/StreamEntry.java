package nl.regie.server.live;

import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.util.ByteString;

/**
 * One entry of a stream with its messages made once, when the feed reads it: a thousand
 * subscribers share one JSON text, one SSE event and one WebSocket frame instead of writing a
 * thousand.
 *
 * @param value what the filters look at
 * @param offset its place in the stream
 * @param sse the Server-Sent Event: {@code id: <offset>} and the JSON as its one {@code data:} line
 *     (Jackson writes no line breaks)
 * @param webSocket the JSON as a WebSocket text message
 */
public record StreamEntry<T>(T value, long offset, ByteString sse, Message webSocket) {

  public static <T> StreamEntry<T> of(T value, long offset, String json) {
    return new StreamEntry<>(value, offset, ByteString.fromString("id: " + offset + "\ndata: " + json + "\n\n"), TextMessage.create(json));
  }
}
