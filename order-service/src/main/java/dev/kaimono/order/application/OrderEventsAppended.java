package dev.kaimono.order.application;

import java.util.List;

import dev.kaimono.order.domain.OrderEvent;
import dev.kaimono.order.domain.OrderId;

/** Published in the transaction that appended events; listeners act after it commits (metrics, projections). */
public record OrderEventsAppended(OrderId orderId, List<OrderEvent> events) {

    public OrderEventsAppended {
        events = List.copyOf(events);
    }
}
