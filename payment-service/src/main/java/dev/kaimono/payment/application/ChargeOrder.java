package dev.kaimono.payment.application;

import java.time.Instant;
import java.util.Objects;

import dev.kaimono.payment.domain.CustomerId;
import dev.kaimono.payment.domain.Money;
import dev.kaimono.payment.domain.OrderId;

/**
 * A request to charge an order's total to the shopper's payment method.
 *
 * @param chargeBy no charge may start that could not be finished by then (the saga's deadline); null: no limit
 */
public record ChargeOrder(OrderId orderId, CustomerId customerId, Money amount, String paymentMethod, Instant chargeBy) {

    /** A request with no deadline. */
    public ChargeOrder(OrderId orderId, CustomerId customerId, Money amount, String paymentMethod) {
        this(orderId, customerId, amount, paymentMethod, null);
    }

    public ChargeOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
    }
}
