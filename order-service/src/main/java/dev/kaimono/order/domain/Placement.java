package dev.kaimono.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What was decided when the order was placed and never changes: who, what at which prices (a snapshot of the
 * catalog), the total, where to, how to pay, and when.
 */
public record Placement(OrderId id, CustomerId customerId, List<OrderLine> lines, Money total,
        ShippingAddress shippingAddress, PaymentMethod paymentMethod, Instant placedAt) {

    public Placement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(placedAt, "placedAt");
    }
}
