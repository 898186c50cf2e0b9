package nl.regie.loadtest.year;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.regie.protocol.api.ApiJson;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;

/**
 * The dashboards on the case stream and the supervisors on the alert stream, for the whole run:
 * each its own client with its own token, over SSE or WebSocket in turn, keeping every message it
 * gets with the moment it came. Dashboard 0 and supervisor 0 see every gemeente of the profile;
 * the others share the gemeenten out. The verdict judges what they saw ({@link #dashboards},
 * {@link #supervisors}).
 */
public final class LiveWatch {

  /** One message as a client got it, and when (System.nanoTime). */
  public record Received(JsonNode message, long offset, long nanos) {}

  /** One client on one stream. */
  public static final class Watcher {
    final String name;
    final String stream;
    final Set<String> gemeenten;
    final boolean webSocket;
    private final String token;
    private final List<Received> received = new ArrayList<>();
    private boolean overflowed;
    private AutoCloseable connection;

    Watcher(String name, String stream, Set<String> gemeenten, boolean webSocket, String token) {
      this.name = name;
      this.stream = stream;
      this.gemeenten = gemeenten;
      this.webSocket = webSocket;
      this.token = token;
    }

    public synchronized List<Received> received() {
      return List.copyOf(received);
    }

    public synchronized boolean overflowed() {
      return overflowed;
    }

    synchronized void add(Received r) {
      received.add(r);
    }

    synchronized void overflow() {
      overflowed = true;
    }

    @Override
    public String toString() {
      return name + " (" + (webSocket ? "WebSocket" : "SSE") + ", " + (gemeenten.size() > 3 ? gemeenten.size() + " gemeenten" : gemeenten) + ")";
    }
  }

  private final YearRun run;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Watcher> dashboards = new ArrayList<>();
  private final List<Watcher> supervisors = new ArrayList<>();

  LiveWatch(YearRun run) {
    this.run = run;
    List<String> all = run.script().profile().gemeentenMetAandeel().stream().map(Profile.GemeenteAandeel::code).toList();
    Profile.Meekijkers m = run.script().profile().meekijkers();
    for (int i = 0; i < m.dashboards(); i++) {
      Set<String> g = share(all, i, m.dashboards());
      dashboards.add(new Watcher("dashboard " + (i + 1), "cases", g, i % 2 == 1,
          run.mint(new Principal("load-dashboard-" + (i + 1), Set.of(Role.BACKOFFICE), g, null))));
    }
    for (int i = 0; i < m.supervisors(); i++) {
      Set<String> g = share(all, i, m.supervisors());
      supervisors.add(new Watcher("supervisor " + (i + 1), "alerts", g, i % 2 == 0,
          run.mint(new Principal("load-supervisor-" + (i + 1), Set.of(Role.SUPERVISOR), g, null))));
    }
  }

  /** Client 0 of n sees every gemeente; client i > 0 every (n-1)-th, from the (i-1)-th on. */
  private static Set<String> share(List<String> all, int i, int n) {
    if (i == 0 || n == 1) return Set.copyOf(all);
    List<String> mine = new ArrayList<>();
    for (int j = i - 1; j < all.size(); j += n - 1) mine.add(all.get(j));
    return Set.copyOf(mine.isEmpty() ? all : mine);
  }

  public List<Watcher> dashboards() {
    return dashboards;
  }

  public List<Watcher> supervisors() {
    return supervisors;
  }

  /** Subscribes every client at the head of its stream; returns once each has been answered, so nothing after is missed. */
  public void start() throws Exception {
    for (Watcher w : dashboards) open(w, null, r -> {});
    for (Watcher w : supervisors) open(w, null, r -> {});
  }

  /**
   * Opens {@code w}'s stream ({@code from}: after that offset, else at the head) and keeps what
   * it gets; {@code each} also sees every message.
   */
  void open(Watcher w, Long from, Consumer<Received> each) throws Exception {
    String query = from == null ? "" : "from=" + from;
    Consumer<JsonNode> take = message -> {
      if ("overflow".equals(message.path("type").asText()) && !message.has("caseId")) {
        w.overflow();
        return;
      }
      long offset = message.path("offset").asLong();
      Received r = new Received(message, offset, System.nanoTime());
      w.add(r);
      each.accept(r);
    };
    if (w.webSocket) {
      URI uri = URI.create(run.base().replaceFirst("^http", "ws") + "/ws/v1/" + w.stream + "?" + (query.isEmpty() ? "" : query + "&")
          + "access_token=" + URLEncoder.encode(w.token, StandardCharsets.UTF_8));
      WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new WebSocket.Listener() {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
          text.append(data);
          if (last) {
            take.accept(parse(text.toString()));
            text.setLength(0);
          }
          socket.request(1);
          return null;
        }
      }).get(30, TimeUnit.SECONDS);
      w.connection = () -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } else {
      HttpRequest request = HttpRequest.newBuilder(URI.create(run.base() + "/api/v1/stream/" + w.stream + (query.isEmpty() ? "" : "?" + query)))
          .header("Authorization", "Bearer " + w.token).header("Accept", "text/event-stream").GET().build();
      HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
      if (response.statusCode() != 200) throw new IOException(w + ": the stream answered " + response.statusCode());
      Stream<String> lines = response.body();
      Thread reader = new Thread(() -> {
        StringBuilder data = new StringBuilder();
        try {
          lines.forEach(line -> {
            if (line.isEmpty()) {
              if (data.length() > 0) take.accept(parse(data.toString()));
              data.setLength(0);
            } else if (line.startsWith("data:")) {
              data.append(line.substring(5).strip());
            }
          });
        } catch (RuntimeException closed) {
          // The stream was closed at the end of the run.
        }
      }, "sse-" + w.name);
      reader.setDaemon(true);
      reader.start();
      w.connection = lines::close;
    }
  }

  /** Waits until {@code done} holds for every client, or {@code patience} has passed. */
  static boolean await(List<Watcher> watchers, java.util.function.Predicate<Watcher> done, Duration patience) throws InterruptedException {
    long giveUp = System.nanoTime() + patience.toNanos();
    while (!watchers.stream().allMatch(done)) {
      if (System.nanoTime() > giveUp) return false;
      Thread.sleep(100);
    }
    return true;
  }

  public void close() {
    for (Watcher w : concat()) {
      try {
        if (w.connection != null) w.connection.close();
      } catch (Exception e) {
        // Closing at the end: nothing left to lose.
      }
    }
  }

  private List<Watcher> concat() {
    List<Watcher> all = new ArrayList<>(dashboards);
    all.addAll(supervisors);
    return all;
  }

  static JsonNode parse(String json) {
    try {
      return ApiJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }

  /**
   * How long after what caused it {@code r} came, in milliseconds: a case change after its step's
   * request went out or the clock move after that, whichever came later before it arrived ({@link
   * YearRun#causeNanos}); an alert after the clock move that made it due.
   */
  double latencyMillis(Watcher w, Received r) {
    long cause = w.stream.equals("alerts") ? run.alerts().movedBefore(r.nanos())
        : run.causeNanos(r.message().path("caseId").asText(null), r.nanos());
    return (r.nanos() - cause) / 1e6;
  }

  /** A one-off replay of the case stream from {@code from} as a dashboard of every gemeente sees it. */
  Watcher replay(long from, Consumer<Received> each) throws Exception {
    List<String> all = run.script().profile().gemeentenMetAandeel().stream().map(Profile.GemeenteAandeel::code).toList();
    Watcher w = new Watcher("replay", "cases", Set.copyOf(all), false,
        run.mint(new Principal("load-replay", Set.of(Role.BACKOFFICE), Set.copyOf(all), null)));
    open(w, from, each);
    return w;
  }

  static void closeOne(Watcher w) {
    try {
      if (w.connection != null) w.connection.close();
    } catch (Exception e) {
      // Done with it.
    }
  }
}
