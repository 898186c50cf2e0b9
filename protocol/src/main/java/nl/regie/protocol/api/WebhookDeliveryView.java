package nl.regie.protocol.api;

import java.time.Instant;

/**
 * One alert to one webhook: {@code PENDING} (with its next attempt), {@code DELIVERED}, or
 * {@code FAILED} after its last attempt; {@code lastStatus} and {@code lastError} say how the last
 * attempt went.
 */
public record WebhookDeliveryView(
    long id, long webhookId, long alertId, String state, int attempts, Instant nextAttemptAt, Integer lastStatus,
    String lastError, Instant deliveredAt) {}
