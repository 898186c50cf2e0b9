package nl.regie.server.live;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.regie.persistence.AlertStore;
import nl.regie.persistence.CaseChanges;
import nl.regie.protocol.api.AlertView;
import nl.regie.protocol.api.ApiJson;
import nl.regie.protocol.api.CaseChangeView;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.protocol.cases.Fase;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.deadline.AlertRoutes;
import nl.regie.server.http.ProblemResponses;
import nl.regie.server.http.QueryParameters;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.server.PathMatcher0;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * The live streams, each as Server-Sent Events and as a WebSocket (one JSON text frame per
 * message), filtered by who asks whatever the query says:
 *
 * <ul>
 *   <li>{@code GET /api/v1/stream/cases}, {@code /ws/v1/cases}: a message per case event
 *       ({@link CaseChangeView}), {@code ?gemeente=&fase=&aanbieder=};
 *   <li>{@code GET /api/v1/stream/alerts}, {@code /ws/v1/alerts}: the alerts of {@code GET
 *       /api/v1/alerts} with their {@code offset}, {@code ?gemeente=&level=}.
 * </ul>
 *
 * Each message carries its {@code offset} (SSE: also as its {@code id}). A client resumes after the
 * last offset it saw: SSE with {@code Last-Event-ID} (browsers send it when they reconnect) or
 * {@code ?from=}, WebSocket with {@code ?from=}; without either it gets the live tail from now.
 * A client that falls too far behind gets an {@code overflow} message with the offset to resume
 * after, and the stream ends. The case stream keeps a window ({@link CaseChanges#prune}): a client
 * that asks for changes from before what was pruned gets a {@code reset} message instead, with the
 * offset to resume after once it has reloaded the case list, and the stream ends.
 */
public final class StreamRoutes {

  private static final ObjectMapper JSON = ApiJson.mapper();
  private static final ContentType EVENT_STREAM = ContentTypes.create(MediaTypes.TEXT_EVENT_STREAM);
  /** An SSE comment: clients pass it over, proxies see traffic. */
  private static final ByteString HEARTBEAT = ByteString.fromString(": heartbeat\n\n");
  private static final Set<String> CASE_FILTERS = Set.of("gemeente", "fase", "aanbieder", "from", "access_token");
  private static final Set<String> ALERT_FILTERS = Set.of("gemeente", "level", "from", "access_token");

  private final Topic<CaseChangeView> caseTopic;
  private final Topic<AlertView> alertTopic;
  private final Duration heartbeat;
  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> subscribers = new ConcurrentHashMap<>();

  public StreamRoutes(Feed<StreamEntry<CaseChangeView>> cases, Feed<StreamEntry<AlertView>> alerts, Duration heartbeat,
      MeterRegistry registry) {
    this.caseTopic = new Topic<>("cases", cases);
    this.alertTopic = new Topic<>("alerts", alerts);
    this.heartbeat = heartbeat;
    this.registry = registry;
  }

  /** The case changes of {@code changes} as stream entries, for a {@link Feed}; gone up to the horizon of what was pruned. */
  public static Feed.Table<StreamEntry<CaseChangeView>> cases(CaseChanges changes) {
    return new Feed.Table<>() {
      @Override
      public List<StreamEntry<CaseChangeView>> after(long after, int limit) {
        return changes.after(after, limit).stream().map(c -> StreamEntry.of(c, c.offset(), write(c))).toList();
      }

      @Override
      public long goneUpTo() {
        return changes.horizon();
      }
    };
  }

  /** The alerts of {@code alerts} as stream entries (the alert JSON of GET /api/v1/alerts with its offset), for a {@link Feed}. */
  public static Feed.Table<StreamEntry<AlertView>> alerts(AlertStore alerts) {
    return (after, limit) -> alerts.after(after, limit).stream().map(a -> StreamEntry.of(a, a.id(), write(a))).toList();
  }

  /** A stream by name, and its feed. */
  private record Topic<T>(String name, Feed<StreamEntry<T>> feed) {}

  public Route route(Principal principal) {
    return concat(
        stream(segment("api").slash("v1").slash("stream").slash("cases"), params ->
            filtered(caseFilter(principal, params), filter -> sse(caseTopic, filter))),
        stream(segment("api").slash("v1").slash("stream").slash("alerts"), params ->
            filtered(alertFilter(principal, params), filter -> sse(alertTopic, filter))),
        stream(segment("ws").slash("v1").slash("cases"), params ->
            filtered(caseFilter(principal, params), filter -> webSocket(caseTopic, filter))),
        stream(segment("ws").slash("v1").slash("alerts"), params ->
            filtered(alertFilter(principal, params), filter -> webSocket(alertTopic, filter))));
  }

  private static Route stream(PathMatcher0 at, Function<Map<String, String>, Route> inner) {
    return path(at, () -> get(() -> parameterMap(inner)));
  }

  /** A filter, or the answer that refuses the request. */
  /** What a subscriber may see and asks for, and {@code ?from=} when given; or the answer that refuses the request. */
  private record Filter<T>(Predicate<T> visible, OptionalLong from, Route refusal) {}

  private static <T> Route filtered(Filter<T> filter, Function<Filter<T>, Route> inner) {
    return filter.refusal() != null ? filter.refusal() : inner.apply(filter);
  }

  private static Filter<CaseChangeView> caseFilter(Principal principal, Map<String, String> params) {
    Set<String> gemeenten = principal.gemeentenInRole();
    String agb = principal.is(Role.AANBIEDER) ? principal.agb() : null;
    if (gemeenten.isEmpty() && agb == null) {
      return refused(ProblemResponses.forbidden("the case stream is for the gemeenten's roles and the aanbieders"));
    }
    QueryParameters q = new QueryParameters(params, CASE_FILTERS);
    String gemeente = q.gemeente("gemeente");
    String fase = q.text("fase", v -> Arrays.stream(Fase.values()).anyMatch(f -> f.name().equals(v)),
        "one of " + String.join(", ", Arrays.stream(Fase.values()).map(Fase::name).toList()));
    String aanbieder = q.text("aanbieder", v -> v.matches("[0-9]{8}"), "an AGB code (eight digits)");
    OptionalLong from = from(q);
    if (!q.valid()) return refused(ProblemResponses.badRequest(String.join("; ", q.errors()), q.errors()));
    Predicate<CaseChangeView> mine = c -> gemeenten.contains(c.gemeente()) || (agb != null && c.aanbieders().contains(agb));
    return new Filter<>(mine
        .and(c -> gemeente == null || gemeente.equals(c.gemeente()))
        .and(c -> fase == null || (c.fase() != null && fase.equals(c.fase().name())))
        .and(c -> aanbieder == null || c.aanbieders().contains(aanbieder)), from, null);
  }

  private static Filter<AlertView> alertFilter(Principal principal, Map<String, String> params) {
    AlertStore.Scope scope = AlertRoutes.scope(principal);
    if (scope.isEmpty()) return refused(ProblemResponses.forbidden("alerts are for the gemeenten's roles and the aanbieders"));
    QueryParameters q = new QueryParameters(params, ALERT_FILTERS);
    String gemeente = q.gemeente("gemeente");
    String level = q.text("level", v -> Arrays.stream(AlertLevel.values()).anyMatch(l -> l.name().equals(v)),
        "one of WARNING, MISSED, ESCALATED");
    OptionalLong from = from(q);
    if (!q.valid()) return refused(ProblemResponses.badRequest(String.join("; ", q.errors()), q.errors()));
    Predicate<AlertView> mine = scope::includes;
    return new Filter<>(mine
        .and(a -> gemeente == null || gemeente.equals(a.gemeente()))
        .and(a -> level == null || level.equals(a.level().name())), from, null);
  }

  private static <T> Filter<T> refused(HttpResponse response) {
    return new Filter<>(null, OptionalLong.empty(), complete(response));
  }

  /** {@code ?from=}: an offset, 0 or more; absent: the stream starts at its head. */
  private static OptionalLong from(QueryParameters q) {
    if (q.text("from") == null) return OptionalLong.empty();
    long from = q.number("from", -1);
    if (from < 0) q.errors().add("from: an offset, 0 or more");
    return OptionalLong.of(from);
  }

  private <T> Route sse(Topic<T> topic, Filter<T> filter) {
    return optionalHeaderValueByName("Last-Event-ID", lastEventId -> {
      Optional<Long> resumed;
      try {
        resumed = lastEventId.filter(id -> !id.isBlank()).map(id -> Long.parseLong(id.strip()));
      } catch (NumberFormatException e) {
        return complete(ProblemResponses.badRequest("Last-Event-ID: an offset this stream sent", List.of("Last-Event-ID: an offset this stream sent")));
      }
      long from = resumed.orElseGet(() -> start(topic, filter));
      Source<ByteString, NotUsed> events = subscribe(topic, "sse", from, filter.visible()).map(delivery -> render(delivery,
          StreamEntry::sse, (type, json) -> ByteString.fromString("event: " + type + "\ndata: " + json + "\n\n")))
          .keepAlive(heartbeat, () -> HEARTBEAT);
      return complete(HttpResponse.create().withEntity(HttpEntities.create(EVENT_STREAM, events)));
    });
  }

  private <T> Route webSocket(Topic<T> topic, Filter<T> filter) {
    Source<Message, NotUsed> messages = subscribe(topic, "websocket", start(topic, filter), filter.visible()).map(delivery -> render(delivery,
        StreamEntry::webSocket, (type, json) -> TextMessage.create(json)));
    // What the client sends is not read; its close ends the stream. Pings keep it alive (application.conf).
    return handleWebSocketMessages(Flow.fromSinkAndSourceCoupled(Sink.ignore(), messages));
  }

  /** A subscription, counted while it runs ({@code regie.stream.subscribers}), its overflows and resets too. */
  private <T> Source<Subscription.Delivery<StreamEntry<T>>, NotUsed> subscribe(Topic<T> topic, String transport, long from,
      Predicate<T> visible) {
    AtomicInteger running = subscribers.computeIfAbsent(topic.name() + "/" + transport, key -> registry.gauge(
        "regie.stream.subscribers", Tags.of("stream", topic.name(), "transport", transport), new AtomicInteger()));
    Counter overflows = Counter.builder("regie.stream.overflows").description("Subscribers closed for falling too far behind")
        .tag("stream", topic.name()).tag("transport", transport).register(registry);
    Counter resets = Counter.builder("regie.stream.resets").description("Subscribers closed because changes after their offset were pruned")
        .tag("stream", topic.name()).tag("transport", transport).register(registry);
    return Subscription.of(topic.feed(), from, (StreamEntry<T> entry) -> visible.test(entry.value()))
        .map(delivery -> {
          if (delivery instanceof Subscription.Overflow) overflows.increment();
          if (delivery instanceof Subscription.Reset) resets.increment();
          return delivery;
        })
        .watchTermination((notUsed, done) -> {
          running.incrementAndGet();
          done.whenComplete((ok, failure) -> running.decrementAndGet());
          return notUsed;
        });
  }

  /** An entry as itself; an overflow or a reset as a message of that type (SSE: its event name) with a JSON body. */
  private static <T, R> R render(Subscription.Delivery<T> delivery, Function<T, R> entry, BiFunction<String, String, R> message) {
    if (delivery instanceof Subscription.Entry<T> e) return entry.apply(e.entry());
    if (delivery instanceof Subscription.Reset<T> r) return message.apply("reset", reset(r.offset()));
    return message.apply("overflow", overflow(((Subscription.Overflow<T>) delivery).offset()));
  }

  /** Where a stream without Last-Event-ID starts: after {@code ?from=}, or at the head (only what comes next). */
  private static <T> long start(Topic<T> topic, Filter<T> filter) {
    return filter.from().orElseGet(() -> topic.feed().head());
  }

  private static String overflow(long offset) {
    ObjectNode node = JSON.createObjectNode().put("type", "overflow").put("offset", offset)
        .put("detail", "this stream fell too far behind and was closed; reconnect from offset " + offset);
    return node.toString();
  }

  private static String reset(long offset) {
    ObjectNode node = JSON.createObjectNode().put("type", "reset").put("offset", offset)
        .put("detail", "changes up to offset " + offset + " are no longer kept, so this stream cannot give every change after yours; "
            + "reload the case list and resume after offset " + offset);
    return node.toString();
  }

  private static String write(CaseChangeView change) {
    try {
      return JSON.writeValueAsString(change);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a case change", e);
    }
  }

  private static String write(AlertView alert) {
    ObjectNode node = JSON.valueToTree(alert);
    return node.put("offset", alert.id()).toString();
  }
}
