package dev.kaimono.order.domain.saga;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.kaimono.order.domain.CancellationReason;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.PaymentMethod;

/**
 * The persisted state of one order's place-order saga: what it is for ({@link SagaSubject}, never changes), its
 * step, how many times the step's command has been sent, when the step gives up waiting (a deadline while it
 * waits, none once final), and how it ended (the captured payment, or why it was cancelled).
 *
 * @param version the stored version, for optimistic checks by the repository; transitions keep it unchanged
 */
public record PlaceOrderSagaState(SagaSubject subject, SagaStep step, int attempts, Optional<Instant> deadlineAt,
        Optional<UUID> paymentId, Optional<CancellationReason> cancellationReason, Instant updatedAt, long version) {

    public PlaceOrderSagaState {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(deadlineAt, "deadlineAt");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(cancellationReason, "cancellationReason");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (step.isFinal() == deadlineAt.isPresent()) {
            throw new IllegalArgumentException("A waiting saga has a deadline and a finished one has none: " + step);
        }
    }

    /** A new saga, waiting for stock until the deadline: its first attempt, stored as version 0. */
    static PlaceOrderSagaState start(SagaSubject subject, Instant deadline) {
        return new PlaceOrderSagaState(subject, SagaStep.AWAITING_STOCK, 1, Optional.of(deadline), Optional.empty(),
                Optional.empty(), subject.startedAt(), 0);
    }

    public OrderId orderId() {
        return subject.orderId();
    }

    public CustomerId customerId() {
        return subject.customerId();
    }

    public List<StockLine> lines() {
        return subject.lines();
    }

    public Money amount() {
        return subject.amount();
    }

    public PaymentMethod paymentMethod() {
        return subject.paymentMethod();
    }

    public Instant startedAt() {
        return subject.startedAt();
    }

    public boolean isOverdue(Instant now) {
        return deadlineAt.filter(deadline -> !now.isBefore(deadline)).isPresent();
    }

    PlaceOrderSagaState waitingFor(SagaStep next, int attemptsSoFar, Instant deadline, Instant now) {
        return new PlaceOrderSagaState(subject, next, attemptsSoFar, Optional.of(deadline), paymentId, cancellationReason,
                now, version);
    }

    PlaceOrderSagaState completed(UUID payment, Instant now) {
        return new PlaceOrderSagaState(subject, SagaStep.COMPLETED, attempts, Optional.empty(), Optional.of(payment),
                Optional.empty(), now, version);
    }

    PlaceOrderSagaState cancelled(CancellationReason reason, Instant now) {
        return new PlaceOrderSagaState(subject, SagaStep.CANCELLED, attempts, Optional.empty(), paymentId,
                Optional.of(reason), now, version);
    }

    PlaceOrderSagaState touched(Instant now) {
        return new PlaceOrderSagaState(subject, step, attempts, deadlineAt, paymentId, cancellationReason, now, version);
    }
}
