package nl.regie.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.regie.persistence.Webhooks;
import nl.regie.protocol.api.ApiJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the alerts to the webhooks, at least once: every interval it matches new alerts to the
 * webhooks (a delivery each), claims the deliveries that are due and POSTs each, signed ({@link
 * WebhookSignature}) and with an {@code Idempotency-Key} that stays the same over retries, so a
 * receiver can drop a repeat. A 2xx delivers; anything else is tried again after 10 s, 20 s, 40 s
 * and so on up to an hour, and given up (FAILED) after the last attempt ({@link WebhookSettings}).
 * Every node runs one: the claims keep two nodes from sending one delivery at once, and each POST
 * waits at most the timeout, so a dead endpoint holds up no other webhook's alerts. Retry moments
 * follow the injected clock, so tests see a day of retries pass in seconds.
 */
public final class WebhookDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final ObjectMapper JSON = ApiJson.mapper();
  private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
  private static final Duration LONGEST_RETRY = Duration.ofHours(1);
  private static final int BATCH = 100;

  private final Webhooks webhooks;
  private final Clock clock;
  private final Duration timeout;
  private final int maxAttempts;
  private final HttpClient http;
  private final ScheduledExecutorService worker;

  public WebhookDispatcher(Webhooks webhooks, Clock clock, WebhookSettings settings) {
    this.webhooks = webhooks;
    this.clock = clock;
    this.timeout = settings.timeout();
    this.maxAttempts = settings.maxAttempts();
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "regie-webhooks");
      t.setDaemon(true);
      return t;
    });
    long interval = settings.interval().toMillis();
    worker.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** One round: match, claim, send all claimed at once and wait for them (each at most the timeout). */
  private void round() {
    try {
      while (webhooks.match(BATCH, clock.instant()) == BATCH) {
        // more alerts waiting: match on
      }
      List<Webhooks.Due> due = webhooks.claimDue(clock.instant(), timeout.multipliedBy(3), BATCH);
      CompletableFuture.allOf(due.stream().map(this::send).toArray(CompletableFuture[]::new)).join();
    } catch (RuntimeException e) {
      log.warn("webhooks: {}; trying again", e.getMessage());
    }
  }

  private CompletableFuture<Void> send(Webhooks.Due due) {
    byte[] body = body(due);
    HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header(WebhookSignature.HEADER, WebhookSignature.sign(due.secret(), body))
        .header("Idempotency-Key", "regie-webhook-" + due.webhookId() + "-alert-" + due.alert().id())
        .header("X-Regie-Delivery", Long.toString(due.deliveryId()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle((response, failure) -> {
          try {
            if (failure == null && response.statusCode() / 100 == 2) {
              webhooks.delivered(due.deliveryId(), response.statusCode(), clock.instant());
            } else {
              String error = failure != null ? describe(failure) : "answered " + response.statusCode();
              webhooks.attemptFailed(due.deliveryId(), failure != null ? null : response.statusCode(), error, retryAt(due.attempts() + 1));
            }
          } catch (RuntimeException e) {
            // The claim runs out and the delivery is sent again: at least once.
            log.warn("webhooks: delivery {} not recorded: {}", due.deliveryId(), e.getMessage());
          }
          return null;
        });
  }

  /** When to try again after {@code attempts} failed attempts, or null: given up. */
  private Instant retryAt(int attempts) {
    if (attempts >= maxAttempts) return null;
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    return clock.instant().plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
  }

  private static byte[] body(Webhooks.Due due) {
    try {
      return JSON.writeValueAsString(JSON.valueToTree(due.alert())).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an alert", e);
    }
  }

  private static String describe(Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
