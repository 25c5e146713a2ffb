package dev.kaimono.catalog.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * One envelope waiting in a document's {@code pendingEvents} array: the exact JSON body that will be
 * published, where to, and the trace headers of the request that caused it.
 *
 * @param storedAt when the change that caused it was written (for the publish-lag metric and ordering)
 */
public record PendingEvent(String eventId, String eventType, String exchange, String routingKey, String body,
        Map<String, String> headers, Instant storedAt) {

    /** The array every outbox document keeps its pending events in. */
    public static final String FIELD = "pendingEvents";
}
