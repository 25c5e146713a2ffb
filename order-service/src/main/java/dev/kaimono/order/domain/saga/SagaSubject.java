package dev.kaimono.order.domain.saga;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.PaymentMethod;

/**
 * What a place-order saga was started for, which never changes while it runs: the order, its shopper, what to
 * reserve, what to charge and how, and when it started. Enough to send any of its commands again.
 */
public record SagaSubject(OrderId orderId, CustomerId customerId, List<StockLine> lines, Money amount,
        PaymentMethod paymentMethod, Instant startedAt) {

    public SagaSubject {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(lines);
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
