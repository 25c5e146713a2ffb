package dev.kaimono.payment.application;

import java.util.Objects;

import dev.kaimono.payment.domain.CustomerId;
import dev.kaimono.payment.domain.Money;
import dev.kaimono.payment.domain.OrderId;

/** A request to charge an order's total to the shopper's payment method. */
public record ChargeOrder(OrderId orderId, CustomerId customerId, Money amount, String paymentMethod) {

    public ChargeOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
    }
}
