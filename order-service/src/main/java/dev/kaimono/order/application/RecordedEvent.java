package dev.kaimono.order.application;

import java.time.Instant;

import dev.kaimono.order.domain.OrderEvent;

/**
 * An order event as the event store keeps it.
 *
 * @param position its place in the store's global order
 * @param version its place in the order's own stream, from 1
 * @param type its stored type name, e.g. {@code OrderPlaced}
 * @param data its stored JSON payload
 */
public record RecordedEvent(long position, long version, String type, OrderEvent event, String data, Instant occurredAt) {
}
