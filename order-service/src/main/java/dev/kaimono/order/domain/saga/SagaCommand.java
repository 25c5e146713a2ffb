package dev.kaimono.order.domain.saga;

import java.time.Instant;

import java.util.List;
import java.util.Objects;

import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.PaymentMethod;

/** What the saga asks of another service. Each is idempotent per order, so it may be sent again. */
public sealed interface SagaCommand {

    /**
     * Its name in logs and in the stored transition log ({@code place_order_saga_transition.commands}). Written out,
     * not taken from the class, so that renaming a record never changes what stored rows mean.
     */
    default String name() {
        return switch (this) {
            case ReserveStock _ -> "ReserveStock";
            case ReleaseStock _ -> "ReleaseStock";
            case ProcessPayment _ -> "ProcessPayment";
            case RefundPayment _ -> "RefundPayment";
        };
    }

    /** Hold every line, all or nothing. */
    record ReserveStock(List<StockLine> lines) implements SagaCommand {

        public ReserveStock {
            lines = List.copyOf(lines);
        }
    }

    /** Give back whatever the order holds (a no-op if it holds nothing). */
    record ReleaseStock() implements SagaCommand {
    }

    /** Charge the order once, starting no charge that could not be finished by {@code chargeBy} (the step's deadline). */
    record ProcessPayment(CustomerId customerId, Money amount, PaymentMethod paymentMethod, Instant chargeBy) implements SagaCommand {

        public ProcessPayment {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(paymentMethod, "paymentMethod");
            Objects.requireNonNull(chargeBy, "chargeBy");
        }
    }

    /** Refund whatever was captured for the order (a no-op if nothing was). */
    record RefundPayment(Money amount) implements SagaCommand {

        public RefundPayment {
            Objects.requireNonNull(amount, "amount");
        }
    }
}
