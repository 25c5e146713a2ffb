package dev.kaimono.order.application;

import java.time.Instant;
import java.util.List;

import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderDecider;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderState;

/** All events of one order, in version order; empty for an order that was never placed. */
public record EventStream(OrderId orderId, List<RecordedEvent> events) {

    public EventStream {
        events = List.copyOf(events);
    }

    public boolean exists() {
        return !events.isEmpty();
    }

    /** The version of the last event, 0 for an empty stream: what the next append expects. */
    public long version() {
        return events.isEmpty() ? 0 : events.getLast().version();
    }

    public OrderState state() {
        return OrderDecider.fold(events.stream().map(RecordedEvent::event).toList());
    }

    /** The order its events make; {@link OrderNotFoundException} when it was never placed. */
    public Order order() {
        return switch (state()) {
            case Order order -> order;
            case OrderState.NotPlaced _ -> throw new OrderNotFoundException(orderId);
        };
    }

    /** The order as it was at the instant: the events that had occurred by then, replayed. */
    public OrderState stateAsOf(Instant instant) {
        return OrderDecider.fold(events.stream().filter(event -> !event.occurredAt().isAfter(instant))
                .map(RecordedEvent::event).toList());
    }

    /** The version of the last event that had occurred by the instant (0 if none). */
    public long versionAsOf(Instant instant) {
        return events.stream().filter(event -> !event.occurredAt().isAfter(instant))
                .mapToLong(RecordedEvent::version).max().orElse(0);
    }
}
