package dev.kaimono.order.application.reading;

import java.time.Instant;

import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderLine;
import dev.kaimono.order.domain.OrderStatus;

/** Read model of one order in its shopper's list, as of {@code version}. Kept by the summary projection. */
public record OrderSummary(OrderId id, CustomerId customerId, OrderStatus status, Money total, int itemCount,
        Instant createdAt, Instant updatedAt, long version) {

    public static OrderSummary of(Order order, long version) {
        return new OrderSummary(order.id(), order.customerId(), order.status(), order.total(),
                order.lines().stream().mapToInt(OrderLine::quantity).sum(), order.placedAt(), order.updatedAt(), version);
    }
}
