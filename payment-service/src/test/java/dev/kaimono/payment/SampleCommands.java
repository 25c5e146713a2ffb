package dev.kaimono.payment;

import java.math.BigDecimal;
import java.util.UUID;

import dev.kaimono.events.Money;
import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.ProcessPayment;
import dev.kaimono.events.RefundPayment;

/** What order-service sends payment-service, for a fresh order each time: the object mother of the integration tests. */
final class SampleCommands {

    static final Money TOTAL = new Money(new BigDecimal("2560"), "JPY");

    private SampleCommands() {
    }

    static ProcessPayment processPayment(UUID orderId, String paymentMethod) {
        return processPayment(orderId, UUID.randomUUID(), paymentMethod);
    }

    static ProcessPayment processPayment(UUID orderId, UUID customerId, String paymentMethod) {
        return new ProcessPayment(orderId, customerId, TOTAL, paymentMethod, java.time.Instant.now().plusSeconds(600));
    }

    /** A command the saga sent with an attempt that ends at {@code chargeBy}. */
    static ProcessPayment processPaymentBy(UUID orderId, java.time.Instant chargeBy) {
        return new ProcessPayment(orderId, UUID.randomUUID(), TOTAL, "pm_card_visa", chargeBy);
    }

    static RefundPayment refundPayment(UUID orderId) {
        return new RefundPayment(orderId, TOTAL);
    }

    static OrderCancelled confirmedOrderCancelled(UUID orderId) {
        return new OrderCancelled(orderId, "CUSTOMER_REQUEST", true);
    }

    static OrderCancelled pendingOrderCancelled(UUID orderId) {
        return new OrderCancelled(orderId, "TIMED_OUT", false);
    }
}
