package nl.regie.protocol.api;

import java.time.Instant;

/**
 * A registered webhook and how its deliveries stand. The {@code secret} signs every delivery
 * (HMAC-SHA256 of the body); it is shown once, in the answer to the registration, and null after.
 */
public record WebhookView(
    long id, String gemeente, String level, String url, String secret, Instant createdAt, boolean active,
    long pending, long delivered, long failed) {}
