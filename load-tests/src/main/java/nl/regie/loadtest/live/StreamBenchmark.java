package nl.regie.loadtest.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import nl.regie.loadtest.RegionSimulation;
import nl.regie.loadtest.deadline.ServerUnderTest;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.access.TokenMinter;

/**
 * Many WebSocket subscribers of the case stream while cases change as fast as the machine lets
 * them: {@code StreamBenchmark <server jar> <subscribers> <cases> <in flight> <work dir>}. It starts
 * the packaged server on a new embedded database, walks {@code cases} cases through their life
 * ({@link RegionSimulation}) once without subscribers and once with them, and prints, for the run
 * with subscribers: how long each change took from the moment its event was recorded to each
 * subscriber (p50, p99, max), whether every subscriber got every change (none dropped), and what
 * the subscribers cost the server: CPU time over the run without them, heap after a full GC.
 * The subscribers run in this process, on the same machine; they read only each message's
 * {@code offset}, and one in ten its {@code at} for the latency, so that they cost as little as a
 * client can.
 */
public final class StreamBenchmark {

  private static final String SECRET = UUID.randomUUID() + "-" + UUID.randomUUID();
  private static final Set<String> NOORD_LIMBURG = Set.of("0983", "0984", "1507", "1894", "0889", "0893", "0907");

  private StreamBenchmark() {}

  /** Delivery latencies in whole milliseconds, up to two minutes; thread-safe and of fixed size. */
  static final class Histogram {
    private final AtomicLongArray counts = new AtomicLongArray(120_001);
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    void record(long millis) {
      long clamped = Math.max(0, Math.min(millis, counts.length() - 1));
      counts.incrementAndGet((int) clamped);
      total.incrementAndGet();
      max.accumulateAndGet(millis, Math::max);
    }

    long total() {
      return total.get();
    }

    long max() {
      return max.get();
    }

    long percentile(double p) {
      long rank = (long) Math.ceil(p / 100.0 * total.get());
      long seen = 0;
      for (int i = 0; i < counts.length(); i++) {
        seen += counts.get(i);
        if (seen >= rank && rank > 0) return i;
      }
      return counts.length() - 1;
    }
  }

  /** One subscriber: counts what it gets, remembers the last offset, records each message's latency. */
  static final class Subscriber implements WebSocket.Listener {
    final Histogram latencies;
    final StringBuilder text = new StringBuilder();
    volatile long messages;
    volatile long lastOffset;
    volatile boolean overflowed;
    volatile boolean closed;
    volatile boolean recording;

    Subscriber(Histogram latencies) {
      this.latencies = latencies;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      if (!last) {
        text.append(data);
      } else {
        long now = System.currentTimeMillis();
        String message = text.length() == 0 ? data.toString() : text.append(data).toString();
        text.setLength(0);
        if (message.contains("\"type\":\"overflow\"") && !message.contains("\"caseId\"")) {
          overflowed = true;
        } else {
          messages++;
          lastOffset = number(message, "\"offset\":");
          if (recording && latencies != null) latencies.record(now - Instant.parse(string(message, "\"at\":\"")).toEpochMilli());
        }
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      closed = true;
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed = true;
    }

    private static long number(String json, String field) {
      int from = json.indexOf(field) + field.length();
      int to = from;
      while (to < json.length() && Character.isDigit(json.charAt(to))) to++;
      return Long.parseLong(json.substring(from, to));
    }

    private static String string(String json, String field) {
      int from = json.indexOf(field) + field.length();
      return json.substring(from, json.indexOf('"', from));
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: StreamBenchmark <server jar> <subscribers> <cases> <in flight> <work dir>");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int subscribers = Integer.parseInt(args[1]);
    int cases = Integer.parseInt(args[2]);
    int inFlight = Integer.parseInt(args[3]);
    Path work = Files.createDirectories(Path.of(args[4]));
    String token = new TokenMinter(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
        .mint(new Principal("stream-benchmark", Set.of(Role.TOEGANG, Role.BACKOFFICE), NOORD_LIMBURG, null), Duration.ofDays(1));
    Path data = work.resolve("data-" + System.currentTimeMillis());
    Map<String, String> env = Map.of("REGIE_DATA_DIR", data.toAbsolutePath().toString(), "REGIE_JWT_SECRET", SECRET);
    HttpClient http = HttpClient.newHttpClient();
    System.out.printf(Locale.ROOT, "stream benchmark: %d subscribers, %d cases a run, %d in flight, %d cores, %s%n",
        subscribers, cases, inFlight, Runtime.getRuntime().availableProcessors(), Instant.now());
    try (ServerUnderTest server = ServerUnderTest.start(jar, ServerUnderTest.JVM_OPTIONS, env, work.resolve("server.log"))) {
      server.awaitReady(http, Duration.ofSeconds(120));
      // A warm-up, then the run without subscribers.
      RegionSimulation.run(server.base(), token, cases / 2, inFlight, 40, new Random(1));
      long heapBare = server.heapUsedAfterFullGc();
      double cpuBefore = server.cpuSeconds();
      RegionSimulation.Result bare = RegionSimulation.run(server.base(), token, cases, inFlight, 40, new Random(2));
      double cpuBare = server.cpuSeconds() - cpuBefore;
      System.out.printf(Locale.ROOT, "without subscribers: %s; server CPU %.1f s%n", bare, cpuBare);

      Histogram latencies = new Histogram();
      List<Subscriber> listeners = new ArrayList<>();
      List<WebSocket> sockets = new ArrayList<>();
      HttpClient wsClient = HttpClient.newHttpClient();
      URI uri = URI.create(server.base().replace("http://", "ws://") + "/ws/v1/cases?access_token=" + token);
      long connectStart = System.nanoTime();
      List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
      for (int i = 0; i < subscribers; i++) {
        Subscriber listener = new Subscriber(i % 10 == 0 ? latencies : null);
        listeners.add(listener);
        opening.add(wsClient.newWebSocketBuilder().buildAsync(uri, listener));
        if (opening.size() % 100 == 0) CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      }
      for (CompletableFuture<WebSocket> socket : opening) sockets.add(socket.get(60, TimeUnit.SECONDS));
      System.out.printf(Locale.ROOT, "%d subscribers connected in %.1f s%n", subscribers, (System.nanoTime() - connectStart) / 1e9);
      long heapIdle = server.heapUsedAfterFullGc();
      listeners.forEach(l -> l.recording = true);
      cpuBefore = server.cpuSeconds();
      RegionSimulation.Result loaded = RegionSimulation.run(server.base(), token, cases, inFlight, 40, new Random(3));
      double cpuLoaded = server.cpuSeconds() - cpuBefore;
      // Every subscriber has caught up when it has the stream's last change (the busiest one's, once that stops growing).
      long runEnd = System.nanoTime();
      Instant giveUp = Instant.now().plusSeconds(120);
      long last = -1;
      while (Instant.now().isBefore(giveUp)) {
        long now = listeners.stream().mapToLong(l -> l.lastOffset).max().orElse(0);
        long finalOffset = now;
        if (now == last && listeners.stream().allMatch(l -> l.lastOffset == finalOffset || l.overflowed || l.closed)) break;
        last = now;
        Thread.sleep(200);
      }
      long finalOffset = last;
      System.out.printf(Locale.ROOT, "the subscribers had caught up %.1f s after the run ended%n", (System.nanoTime() - runEnd) / 1e9);
      long heapAfter = server.heapUsedAfterFullGc();
      long most = listeners.stream().mapToLong(l -> l.messages).max().orElse(0);
      long keptUp = listeners.stream().filter(l -> l.lastOffset == finalOffset && !l.overflowed && !l.closed).count();
      long overflowed = listeners.stream().filter(l -> l.overflowed).count();
      System.out.printf(Locale.ROOT, "with %d subscribers: %s; server CPU %.1f s%n", subscribers, loaded, cpuLoaded);
      long delivered = listeners.stream().mapToLong(l -> l.messages).sum();
      System.out.printf(Locale.ROOT, "delivered %,d messages (up to %,d a subscriber); %d of %d subscribers got the last change, %d overflowed%n",
          delivered, most, keptUp, subscribers, overflowed);
      System.out.printf(Locale.ROOT, "delivery latency, event recorded to subscriber (%,d samples): p50 %d ms, p99 %d ms, max %d ms%n",
          latencies.total(), latencies.percentile(50), latencies.percentile(99), latencies.max());
      System.out.printf(Locale.ROOT, "server CPU: %.1f s without subscribers, %.1f s with (%.2f ms a subscriber over the run, "
              + "%.1f µs a message delivered)%n", cpuBare, cpuLoaded, (cpuLoaded - cpuBare) * 1000 / subscribers,
          (cpuLoaded - cpuBare) * 1e6 / Math.max(1, delivered));
      System.out.printf(Locale.ROOT, "server heap after full GC: %.1f MB without subscribers, %.1f MB with them idle (%.1f KB each), "
              + "%.1f MB after the run%n", heapBare / 1e6, heapIdle / 1e6, (heapIdle - heapBare) / 1e3 / subscribers, heapAfter / 1e6);
      sockets.forEach(s -> s.abort());
      if (keptUp + overflowed < subscribers) System.exit(1);
    }
  }
}
