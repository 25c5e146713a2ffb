package dev.kaimono.order.domain.saga;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.kaimono.order.domain.CancellationReason;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.OrderId;

/**
 * The persisted state of one order's place-order saga: its step, how many times the step's command has
 * been sent, when the step gives up waiting ({@code deadlineAt}, {@code null} once final), what it needs
 * to send its commands again (lines, amount, payment method), and how it ended.
 *
 * @param version the stored version, for optimistic checks by the repository; transitions keep it unchanged
 */
public record PlaceOrderSagaState(OrderId orderId, CustomerId customerId, SagaStep step, int attempts, Instant deadlineAt,
        List<StockLine> lines, Money amount, String paymentMethod, UUID paymentId, CancellationReason cancellationReason,
        Instant startedAt, Instant updatedAt, long version) {

    public PlaceOrderSagaState {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lines = List.copyOf(lines);
        if (step.isFinal() != (deadlineAt == null)) {
            throw new IllegalArgumentException("A waiting saga has a deadline and a finished one has none: " + step);
        }
    }

    public boolean isOverdue(Instant now) {
        return deadlineAt != null && !now.isBefore(deadlineAt);
    }

    PlaceOrderSagaState waitingFor(SagaStep next, int attemptsSoFar, Instant deadline, Instant now) {
        return new PlaceOrderSagaState(orderId, customerId, next, attemptsSoFar, deadline, lines, amount, paymentMethod,
                paymentId, cancellationReason, startedAt, now, version);
    }

    PlaceOrderSagaState completed(UUID payment, Instant now) {
        return new PlaceOrderSagaState(orderId, customerId, SagaStep.COMPLETED, attempts, null, lines, amount, paymentMethod,
                payment, null, startedAt, now, version);
    }

    PlaceOrderSagaState cancelled(CancellationReason reason, Instant now) {
        return new PlaceOrderSagaState(orderId, customerId, SagaStep.CANCELLED, attempts, null, lines, amount, paymentMethod,
                paymentId, reason, startedAt, now, version);
    }

    PlaceOrderSagaState touched(Instant now) {
        return new PlaceOrderSagaState(orderId, customerId, step, attempts, deadlineAt, lines, amount, paymentMethod,
                paymentId, cancellationReason, startedAt, now, version);
    }
}
