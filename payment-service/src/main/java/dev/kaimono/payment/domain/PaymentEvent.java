package dev.kaimono.payment.domain;

import java.util.Objects;

/** What happened to a payment, as the {@link Payment} aggregate records it. */
public sealed interface PaymentEvent {

    OrderId orderId();

    /** The amount was captured. */
    record PaymentCaptured(PaymentId paymentId, OrderId orderId, Money amount) implements PaymentEvent {

        public PaymentCaptured {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** Nothing was captured, for the given reason (e.g. {@code card_declined}). */
    record PaymentDeclined(PaymentId paymentId, OrderId orderId, String reason) implements PaymentEvent {

        public PaymentDeclined {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The amount was given back to the shopper. */
    record PaymentRefunded(PaymentId paymentId, OrderId orderId, Money amount) implements PaymentEvent {

        public PaymentRefunded {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(amount, "amount");
        }
    }
}
