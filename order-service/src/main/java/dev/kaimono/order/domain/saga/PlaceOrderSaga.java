package dev.kaimono.order.domain.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.kaimono.order.domain.CancellationReason;
import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderCommand;
import dev.kaimono.order.domain.OrderStatus;
import dev.kaimono.order.domain.saga.SagaCommand.ProcessPayment;
import dev.kaimono.order.domain.saga.SagaCommand.RefundPayment;
import dev.kaimono.order.domain.saga.SagaCommand.ReleaseStock;
import dev.kaimono.order.domain.saga.SagaCommand.ReserveStock;
import dev.kaimono.order.domain.saga.SagaInput.DeadlinePassed;
import dev.kaimono.order.domain.saga.SagaInput.PaymentCompleted;
import dev.kaimono.order.domain.saga.SagaInput.PaymentFailed;
import dev.kaimono.order.domain.saga.SagaInput.StockReservationFailed;
import dev.kaimono.order.domain.saga.SagaInput.StockReserved;

/**
 * The orchestrated saga that places an order (ARCHITECTURE §3), as pure transitions:
 *
 * <pre>
 *  start ──ReserveStock──▶ AWAITING_STOCK ──StockReserved / ProcessPayment──▶ AWAITING_PAYMENT ──PaymentCompleted──▶ COMPLETED (ConfirmOrder)
 *                              │ StockReservationFailed → CANCELLED (OUT_OF_STOCK)        │ PaymentFailed → ReleaseStock, CANCELLED (PAYMENT_DECLINED)
 *                              │ deadline: resend ×(maxAttempts-1),                       │ deadline: resend ×(maxAttempts-1),
 *                              │   then ReleaseStock, CANCELLED (TIMED_OUT)               │   then ReleaseStock + RefundPayment, CANCELLED (TIMED_OUT)
 * </pre>
 *
 * <p>A payment command carries its attempt's deadline ({@code chargeBy}): payment-service starts no charge it
 * could not finish by then, so a command that waited out an outage in the queue never charges an order the
 * saga has given up on (ADR 0014).
 *
 * <p>Every command is idempotent per order at its receiver, which is what makes resending on a deadline and
 * compensating "just in case" safe: a reservation or capture may exist that the saga never heard of, so a
 * timed-out step undoes it blindly. Replies that arrive late or twice are ignored, except those that reveal
 * an effect to undo: stock reserved for a cancelled order is released again, and a payment captured for a
 * cancelled order is refunded.
 */
public final class PlaceOrderSaga {

    /**
     * How long each step waits for its reply, and how many times its command is sent before the saga
     * compensates.
     */
    public record Deadlines(Duration stockTimeout, Duration paymentTimeout, int maxAttempts) {

        public Deadlines {
            Objects.requireNonNull(stockTimeout, "stockTimeout");
            Objects.requireNonNull(paymentTimeout, "paymentTimeout");
            if (stockTimeout.isNegative() || stockTimeout.isZero() || paymentTimeout.isNegative() || paymentTimeout.isZero()) {
                throw new IllegalArgumentException("Timeouts are positive");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("A step is attempted at least once: " + maxAttempts);
            }
        }
    }

    private final Deadlines deadlines;

    public PlaceOrderSaga(Deadlines deadlines) {
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    }

    /** The saga of a just-placed order: reserve its stock. */
    public Transition start(Order order, Instant now) {
        if (order.status() != OrderStatus.PENDING) {
            throw new IllegalArgumentException("A saga starts for a pending order, not " + order.status());
        }
        List<StockLine> lines = order.lines().stream().map(line -> new StockLine(line.productId(), line.quantity())).toList();
        PlaceOrderSagaState state = PlaceOrderSagaState.start(
                new SagaSubject(order.id(), order.customerId(), lines, order.total(), order.paymentMethod(), now),
                now.plus(deadlines.stockTimeout()));
        return Transition.start(state, "OrderPlaced").sending(new ReserveStock(lines));
    }

    public Transition handle(PlaceOrderSagaState state, SagaInput input, Instant now) {
        return switch (input) {
            case StockReserved reserved -> stockReserved(state, input, now);
            case StockReservationFailed failed -> stockReservationFailed(state, input, now);
            case PaymentCompleted completed -> paymentCompleted(state, completed, now);
            case PaymentFailed failed -> paymentFailed(state, input, now);
            case DeadlinePassed passed -> deadlinePassed(state, input, now);
        };
    }

    private Transition stockReserved(PlaceOrderSagaState state, SagaInput input, Instant now) {
        return switch (state.step()) {
            case AWAITING_STOCK -> {
                Instant chargeBy = now.plus(deadlines.paymentTimeout());
                yield Transition.step(state, state.waitingFor(SagaStep.AWAITING_PAYMENT, 1, chargeBy, now), input.name())
                        .sending(processPayment(state, chargeBy));
            }
            // A reservation the cancelled saga did not wait for: give it back (release is idempotent).
            case CANCELLED -> Transition.step(state, state.touched(now), input.name())
                    .sending(new ReleaseStock())
                    .compensating(Compensation.STOCK);
            case AWAITING_PAYMENT, COMPLETED -> ignored(state, input);
        };
    }

    private Transition stockReservationFailed(PlaceOrderSagaState state, SagaInput input, Instant now) {
        if (state.step() != SagaStep.AWAITING_STOCK) {
            return ignored(state, input);
        }
        return Transition.step(state, state.cancelled(CancellationReason.OUT_OF_STOCK, now), input.name())
                .applying(new OrderCommand.RejectOrder(state.orderId(), CancellationReason.OUT_OF_STOCK, now));
    }

    private Transition paymentCompleted(PlaceOrderSagaState state, PaymentCompleted completed, Instant now) {
        return switch (state.step()) {
            case AWAITING_PAYMENT -> Transition.step(state, state.completed(completed.paymentId(), now), completed.name())
                    .applying(new OrderCommand.ConfirmOrder(state.orderId(), completed.paymentId(), now));
            // Captured after the saga gave up (a late reply to a timed-out step): give the money back.
            case CANCELLED -> Transition.step(state, state.touched(now), completed.name())
                    .sending(new RefundPayment(completed.amount()))
                    .compensating(Compensation.PAYMENT);
            case AWAITING_STOCK, COMPLETED -> ignored(state, completed);
        };
    }

    private Transition paymentFailed(PlaceOrderSagaState state, SagaInput input, Instant now) {
        if (state.step() != SagaStep.AWAITING_PAYMENT) {
            return ignored(state, input);
        }
        return Transition.step(state, state.cancelled(CancellationReason.PAYMENT_DECLINED, now), input.name())
                .sending(new ReleaseStock())
                .applying(new OrderCommand.RejectOrder(state.orderId(), CancellationReason.PAYMENT_DECLINED, now))
                .compensating(Compensation.PAYMENT);
    }

    private Transition deadlinePassed(PlaceOrderSagaState state, SagaInput input, Instant now) {
        if (state.step().isFinal() || !state.isOverdue(now)) {
            return ignored(state, input);
        }
        boolean stock = state.step() == SagaStep.AWAITING_STOCK;
        if (state.attempts() < deadlines.maxAttempts()) {
            Instant deadline = now.plus(stock ? deadlines.stockTimeout() : deadlines.paymentTimeout());
            SagaCommand again = stock ? new ReserveStock(state.lines()) : processPayment(state, deadline);
            return Transition.step(state, state.waitingFor(state.step(), state.attempts() + 1, deadline, now), input.name())
                    .sending(again);
        }
        Transition cancelled = Transition.step(state, state.cancelled(CancellationReason.TIMED_OUT, now), input.name())
                .sending(new ReleaseStock());
        return (stock ? cancelled : cancelled.sending(new RefundPayment(state.amount())))
                .applying(new OrderCommand.RejectOrder(state.orderId(), CancellationReason.TIMED_OUT, now))
                .compensating(stock ? Compensation.STOCK : Compensation.PAYMENT);
    }

    /** The charge may start only while it can finish before this attempt's deadline, after which the saga moves on. */
    private static ProcessPayment processPayment(PlaceOrderSagaState state, Instant chargeBy) {
        return new ProcessPayment(state.customerId(), state.amount(), state.paymentMethod(), chargeBy);
    }

    private static Transition ignored(PlaceOrderSagaState state, SagaInput input) {
        return Transition.ignore(state, input.name());
    }
}
