package nl.regie.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import nl.regie.protocol.api.ApiJson;

/**
 * A client of one of Regie's live streams, as a browser would hold it: Server-Sent Events over a
 * plain GET, or a WebSocket. Everything it receives is queued; the test takes messages in order.
 */
public final class StreamClient implements AutoCloseable {

  /** One message: its SSE event type ({@code message} unless named; a WebSocket's {@code type} field or message), its id, its data. */
  public record Event(String type, String id, JsonNode data) {}

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Event CLOSED = new Event("closed", null, null);

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<String> comments = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();
  private volatile Runnable stop = () -> {};
  private int status;

  private StreamClient() {}

  /** An SSE stream; {@code headers} such as {@code Authorization} or {@code Last-Event-ID}. */
  public static StreamClient sse(int port, String pathAndQuery, Map<String, String> headers) {
    StreamClient client = new StreamClient();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .header("Accept", "text/event-stream").GET();
    headers.forEach(request::header);
    try {
      HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      client.status = response.statusCode();
      InputStream body = response.body();
      client.stop = () -> {
        try {
          body.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      };
      Thread reader = new Thread(() -> client.readEvents(body), "sse-client");
      reader.setDaemon(true);
      reader.start();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return client;
  }

  /** A WebSocket; the token goes in the query ({@code access_token=}), as a browser must send it. */
  public static StreamClient webSocket(int port, String pathAndQuery) {
    StreamClient client = new StreamClient();
    WebSocket socket = HTTP.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), client.new Listener())
        .orTimeout(10, TimeUnit.SECONDS).join();
    client.status = 101;
    client.stop = () -> socket.abort();
    return client;
  }

  public int status() {
    return status;
  }

  /** The next message, waiting up to {@code timeout}; fails when none comes. */
  public Event next(Duration timeout) {
    try {
      Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (event == null) throw new AssertionError("no message within " + timeout);
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every message up to and including the first that passes {@code last}, in order. */
  public List<Event> until(Predicate<Event> last, Duration timeout) {
    List<Event> seen = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) throw new AssertionError("gave up after " + timeout + "; seen: " + seen);
      Event event = next(Duration.ofNanos(left));
      seen.add(event);
      if (last.test(event)) return seen;
      if (event == CLOSED) throw new AssertionError("the stream closed; seen: " + seen);
    }
  }

  /** The messages received so far and not taken. */
  public List<Event> drain() {
    List<Event> drained = new ArrayList<>();
    events.drainTo(drained);
    return drained;
  }

  /** The comment lines (SSE heartbeats) seen so far. */
  public synchronized List<String> comments() {
    return List.copyOf(comments);
  }

  /** The WebSocket pings received so far. */
  public int pings() {
    return pings.get();
  }

  @Override
  public void close() {
    stop.run();
  }

  private void readEvents(InputStream body) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String type = "message";
      String id = null;
      StringBuilder data = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (data.length() > 0) events.add(new Event(type, id, ApiJson.mapper().readTree(data.toString())));
          type = "message";
          id = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          synchronized (this) {
            comments.add(line);
          }
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        }
      }
    } catch (IOException e) {
      // closed by the test or the server
    } finally {
      events.add(CLOSED);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode json = ApiJson.mapper().readTree(text.toString());
          String type = json.hasNonNull("type") && json.has("offset") && !json.has("caseId") ? json.get("type").asText() : "message";
          events.add(new Event(type, json.has("offset") ? json.get("offset").asText() : null, json));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
      pings.incrementAndGet();
      return WebSocket.Listener.super.onPing(webSocket, message);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      events.add(CLOSED);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      events.add(CLOSED);
    }
  }
}
