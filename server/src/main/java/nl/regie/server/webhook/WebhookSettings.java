package nl.regie.server.webhook;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How alerts go out to webhooks.
 *
 * @param interval how often a node matches new alerts and sends what is due
 * @param timeout how long one POST may take, connecting included
 * @param maxAttempts after this many failed attempts a delivery is given up (FAILED)
 */
public record WebhookSettings(Duration interval, Duration timeout, int maxAttempts) {

  public WebhookSettings {
    if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("regie.webhooks.interval must be positive");
    if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("regie.webhooks.timeout must be positive");
    if (maxAttempts < 1) throw new IllegalArgumentException("regie.webhooks.max-attempts must be at least 1");
  }

  public static WebhookSettings from(Config regie) {
    return new WebhookSettings(regie.getDuration("webhooks.interval"), regie.getDuration("webhooks.timeout"),
        regie.getInt("webhooks.max-attempts"));
  }
}
