package dev.kaimono.order.application.reading;

import java.time.Instant;
import java.util.List;

import dev.kaimono.order.domain.CancellationReason;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderLine;
import dev.kaimono.order.domain.OrderStatus;
import dev.kaimono.order.domain.Shipment;
import dev.kaimono.order.domain.ShippingAddress;

/**
 * Read model of one order with everything a shopper sees about it, as of {@code version} (the version of
 * the last event it reflects). Kept by the details projection; built from the events when that lags.
 */
public record OrderDetails(OrderId id, CustomerId customerId, OrderStatus status, List<OrderLine> lines, Money total,
        ShippingAddress shippingAddress, String paymentMethod, CancellationReason cancellationReason, Shipment shipment,
        Instant createdAt, Instant updatedAt, long version) {

    public OrderDetails {
        lines = List.copyOf(lines);
    }

    public static OrderDetails of(Order order, long version) {
        return new OrderDetails(order.id(), order.customerId(), order.status(), order.lines(), order.total(),
                order.shippingAddress(), order.paymentMethod().value(), order.cancellationReason().orElse(null), order.shipment().orElse(null),
                order.placedAt(), order.updatedAt(), version);
    }
}
