package dev.kaimono.order.domain.saga;

import java.util.Objects;
import java.util.UUID;

import dev.kaimono.order.domain.Money;

/** What moves a place-order saga: a participant's reply, or its deadline passing. */
public sealed interface SagaInput {

    /**
     * Its name in logs and in the stored transition log ({@code place_order_saga_transition.trigger}). Written out,
     * not taken from the class, so that renaming a record never changes what stored rows mean.
     */
    default String name() {
        return switch (this) {
            case StockReserved _ -> "StockReserved";
            case StockReservationFailed _ -> "StockReservationFailed";
            case PaymentCompleted _ -> "PaymentCompleted";
            case PaymentFailed _ -> "PaymentFailed";
            case DeadlinePassed _ -> "DeadlinePassed";
        };
    }

    /** Inventory holds every line of the order. */
    record StockReserved() implements SagaInput {
    }

    /** Inventory could not hold every line; nothing is held. */
    record StockReservationFailed() implements SagaInput {
    }

    /** Payment captured the amount. */
    record PaymentCompleted(UUID paymentId, Money amount) implements SagaInput {

        public PaymentCompleted {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** Payment declined or failed; nothing was captured. */
    record PaymentFailed(String reason) implements SagaInput {
    }

    /** The current step's deadline passed without a reply. */
    record DeadlinePassed() implements SagaInput {
    }
}
