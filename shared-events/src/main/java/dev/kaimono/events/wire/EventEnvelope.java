package dev.kaimono.events.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What travels on the broker: the message's identity and lineage around its {@code data}.
 * {@code correlationId} is shared by every message of one business flow (an order's saga);
 * {@code causationId} is the id of the message whose handling produced this one.
 */
public record EventEnvelope(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String source,
        String aggregateId, UUID correlationId, UUID causationId, JsonNode data) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(data, "data");
    }
}
