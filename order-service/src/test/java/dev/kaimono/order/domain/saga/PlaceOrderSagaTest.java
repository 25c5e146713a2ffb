package dev.kaimono.order.domain.saga;

import static dev.kaimono.order.domain.Orders.MATCHA;
import static dev.kaimono.order.domain.Orders.ORDER;
import static dev.kaimono.order.domain.Orders.PAYMENT;
import static dev.kaimono.order.domain.Orders.PLACED_AT;
import static dev.kaimono.order.domain.Orders.SHOPPER;
import static dev.kaimono.order.domain.Orders.VISA;
import static dev.kaimono.order.domain.Orders.WHISK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.kaimono.order.domain.CancellationReason;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.OrderCommand.ConfirmOrder;
import dev.kaimono.order.domain.OrderCommand.RejectOrder;
import dev.kaimono.order.domain.Orders;
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
 * The place-order saga: given its state, when a reply arrives or a deadline passes, then exactly this transition —
 * next state, commands sent, order command applied, compensation ({@link SagaSpecification}).
 */
class PlaceOrderSagaTest {

    private static final Duration STOCK_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(15);
    private static final Money TOTAL = Money.of("9200", "JPY");
    private static final List<StockLine> LINES = List.of(new StockLine(MATCHA, 2), new StockLine(WHISK, 1));
    private static final SagaSubject SUBJECT = new SagaSubject(ORDER, SHOPPER, LINES, TOTAL, VISA, PLACED_AT);

    private final PlaceOrderSaga saga = new PlaceOrderSaga(new PlaceOrderSaga.Deadlines(STOCK_TIMEOUT, PAYMENT_TIMEOUT, 3));
    private final SagaSpecification specification = new SagaSpecification(saga);

    @Test
    void startsByReservingTheOrdersStockWithADeadline() {
        assertThat(saga.start(Orders.aPendingOrder(), PLACED_AT)).isEqualTo(
                Transition.start(awaitingStock(1, PLACED_AT.plus(STOCK_TIMEOUT), PLACED_AT, 0), "OrderPlaced")
                        .sending(new ReserveStock(LINES)));
    }

    @Test
    void refusesToStartForAnOrderThatIsNotPending() {
        assertThatIllegalArgumentException().isThrownBy(() -> saga.start(Orders.aConfirmedOrder(), PLACED_AT))
                .withMessageContaining("CONFIRMED");
    }

    @Nested
    class AwaitingStock {

        private final PlaceOrderSagaState state = awaitingStock(1, PLACED_AT.plus(STOCK_TIMEOUT));

        @Test
        void stockReservedTakesPaymentWithItsOwnDeadline() {
            Instant now = PLACED_AT.plusSeconds(2);
            Instant chargeBy = now.plus(PAYMENT_TIMEOUT);

            // The charge may start only until the step's deadline.
            given(state).when(new StockReserved(), now).then(awaitingPayment(1, chargeBy, now),
                    next -> next.sending(new ProcessPayment(SHOPPER, TOTAL, VISA, chargeBy)));
        }

        @Test
        void stockReservationFailedCancelsTheOrderAsOutOfStockWithNothingToUndo() {
            Instant now = PLACED_AT.plusSeconds(2);

            Transition next = given(state).when(new StockReservationFailed(), now).then(
                    cancelled(CancellationReason.OUT_OF_STOCK, Optional.empty(), now),
                    step -> step.applying(new RejectOrder(ORDER, CancellationReason.OUT_OF_STOCK, now)));

            assertThat(next.finishes()).isTrue();
        }

        @Test
        void aDeadlineResendsReserveStockAndPushesTheDeadlineOut() {
            Instant now = PLACED_AT.plus(STOCK_TIMEOUT);

            given(state).when(new DeadlinePassed(), now).then(awaitingStock(2, now.plus(STOCK_TIMEOUT), now, 7),
                    next -> next.sending(new ReserveStock(LINES)));
        }

        @Test
        void theLastDeadlineReleasesAnyReservationAndCancelsAsTimedOut() {
            PlaceOrderSagaState lastAttempt = awaitingStock(3, PLACED_AT.plus(STOCK_TIMEOUT.multipliedBy(3)));
            Instant now = lastAttempt.deadlineAt().orElseThrow().plusMillis(5);

            given(lastAttempt).when(new DeadlinePassed(), now).then(cancelled(3, CancellationReason.TIMED_OUT, Optional.empty(), now),
                    next -> next.sending(new ReleaseStock())
                            .applying(new RejectOrder(ORDER, CancellationReason.TIMED_OUT, now))
                            .compensating(Compensation.STOCK));
        }

        @Test
        void aDeadlineThatHasNotPassedYetIsIgnored() {
            given(state).when(new DeadlinePassed(), state.deadlineAt().orElseThrow().minusMillis(1)).thenIgnored();
        }

        @Test
        void paymentRepliesBeforeStockIsReservedAreIgnored() {
            given(state).when(new PaymentCompleted(PAYMENT, TOTAL), PLACED_AT).thenIgnored();
            given(state).when(new PaymentFailed("declined"), PLACED_AT).thenIgnored();
        }
    }

    @Nested
    class AwaitingPayment {

        private final PlaceOrderSagaState state = awaitingPayment(1, PLACED_AT.plusSeconds(17));

        @Test
        void paymentCompletedConfirmsTheOrder() {
            Instant now = PLACED_AT.plusSeconds(4);

            Transition next = given(state).when(new PaymentCompleted(PAYMENT, TOTAL), now).then(completed(PAYMENT, now),
                    step -> step.applying(new ConfirmOrder(ORDER, PAYMENT, now)));

            assertThat(next.finishes()).isTrue();
        }

        @Test
        void paymentFailedReleasesTheStockAndCancelsAsDeclined() {
            Instant now = PLACED_AT.plusSeconds(4);

            given(state).when(new PaymentFailed("card declined"), now).then(
                    cancelled(CancellationReason.PAYMENT_DECLINED, Optional.empty(), now),
                    next -> next.sending(new ReleaseStock())
                            .applying(new RejectOrder(ORDER, CancellationReason.PAYMENT_DECLINED, now))
                            .compensating(Compensation.PAYMENT));
        }

        @Test
        void aDeadlineResendsProcessPayment() {
            Instant now = state.deadlineAt().orElseThrow();

            // A new attempt, with its own deadline.
            given(state).when(new DeadlinePassed(), now).then(awaitingPayment(2, now.plus(PAYMENT_TIMEOUT), now),
                    next -> next.sending(new ProcessPayment(SHOPPER, TOTAL, VISA, now.plus(PAYMENT_TIMEOUT))));
        }

        @Test
        void theLastDeadlineReleasesStockRefundsAnyCaptureAndCancelsAsTimedOut() {
            PlaceOrderSagaState lastAttempt = awaitingPayment(3, PLACED_AT.plusSeconds(60));
            Instant now = lastAttempt.deadlineAt().orElseThrow();

            given(lastAttempt).when(new DeadlinePassed(), now).then(cancelled(3, CancellationReason.TIMED_OUT, Optional.empty(), now),
                    next -> next.sending(new ReleaseStock(), new RefundPayment(TOTAL))
                            .applying(new RejectOrder(ORDER, CancellationReason.TIMED_OUT, now))
                            .compensating(Compensation.PAYMENT));
        }

        @Test
        void aDuplicateStockReservedDoesNotChargeTwice() {
            given(state).when(new StockReserved(), PLACED_AT.plusSeconds(5)).thenIgnored();
        }

        @Test
        void aLateStockReservationFailureIsIgnored() {
            given(state).when(new StockReservationFailed(), PLACED_AT.plusSeconds(5)).thenIgnored();
        }
    }

    @Nested
    class LateReplies {

        private final Instant late = PLACED_AT.plusSeconds(90);

        @Test
        void aPaymentCapturedAfterTheSagaTimedOutIsRefunded() {
            PlaceOrderSagaState timedOut = finished(SagaStep.CANCELLED, CancellationReason.TIMED_OUT);
            Money captured = Money.of("9200", "JPY");

            Transition next = given(timedOut).when(new PaymentCompleted(PAYMENT, captured), late).then(
                    cancelled(1, CancellationReason.TIMED_OUT, Optional.empty(), late),
                    step -> step.sending(new RefundPayment(captured)).compensating(Compensation.PAYMENT));

            assertThat(next.finishes()).isFalse();
        }

        @Test
        void stockReservedAfterTheSagaGaveUpIsReleasedAgain() {
            PlaceOrderSagaState timedOut = finished(SagaStep.CANCELLED, CancellationReason.TIMED_OUT);

            given(timedOut).when(new StockReserved(), late).then(cancelled(1, CancellationReason.TIMED_OUT, Optional.empty(), late),
                    next -> next.sending(new ReleaseStock()).compensating(Compensation.STOCK));
        }

        @Test
        void aDuplicatePaymentCompletedForACompletedSagaIsIgnored() {
            given(finished(SagaStep.COMPLETED, null)).when(new PaymentCompleted(PAYMENT, TOTAL), late).thenIgnored();
        }

        @Test
        void repliesAndDeadlinesOfAFinishedSagaChangeNothing() {
            PlaceOrderSagaState completed = finished(SagaStep.COMPLETED, null);
            PlaceOrderSagaState outOfStock = finished(SagaStep.CANCELLED, CancellationReason.OUT_OF_STOCK);

            given(completed).when(new StockReserved(), late).thenIgnored();
            given(completed).when(new PaymentFailed("late"), late).thenIgnored();
            given(completed).when(new DeadlinePassed(), late).thenIgnored();
            given(outOfStock).when(new StockReservationFailed(), late).thenIgnored();
            given(outOfStock).when(new PaymentFailed("late"), late).thenIgnored();
            given(outOfStock).when(new DeadlinePassed(), late).thenIgnored();
        }
    }

    private SagaSpecification.Given given(PlaceOrderSagaState state) {
        return specification.given(state);
    }

    @Test
    void aSagaIsAttemptedAtLeastOnce() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PlaceOrderSaga.Deadlines(STOCK_TIMEOUT, PAYMENT_TIMEOUT, 0))
                .withMessageContaining("at least once");
    }

    static PlaceOrderSagaState awaitingStock(int attempts, Instant deadline) {
        return awaitingStock(attempts, deadline, PLACED_AT, 7);
    }

    static PlaceOrderSagaState awaitingStock(int attempts, Instant deadline, Instant updatedAt, long version) {
        return new PlaceOrderSagaState(SUBJECT, SagaStep.AWAITING_STOCK, attempts, Optional.of(deadline), Optional.empty(),
                Optional.empty(), updatedAt, version);
    }

    static PlaceOrderSagaState awaitingPayment(int attempts, Instant deadline) {
        return awaitingPayment(attempts, deadline, PLACED_AT.plusSeconds(2));
    }

    static PlaceOrderSagaState awaitingPayment(int attempts, Instant deadline, Instant updatedAt) {
        return new PlaceOrderSagaState(SUBJECT, SagaStep.AWAITING_PAYMENT, attempts, Optional.of(deadline), Optional.empty(),
                Optional.empty(), updatedAt, 7);
    }

    static PlaceOrderSagaState completed(UUID payment, Instant updatedAt) {
        return new PlaceOrderSagaState(SUBJECT, SagaStep.COMPLETED, 1, Optional.empty(), Optional.of(payment),
                Optional.empty(), updatedAt, 7);
    }

    static PlaceOrderSagaState cancelled(CancellationReason reason, Optional<UUID> payment, Instant updatedAt) {
        return cancelled(1, reason, payment, updatedAt);
    }

    static PlaceOrderSagaState cancelled(int attempts, CancellationReason reason, Optional<UUID> payment, Instant updatedAt) {
        return new PlaceOrderSagaState(SUBJECT, SagaStep.CANCELLED, attempts, Optional.empty(), payment, Optional.of(reason),
                updatedAt, 7);
    }

    static PlaceOrderSagaState finished(SagaStep step, CancellationReason reason) {
        return new PlaceOrderSagaState(SUBJECT, step, 1, Optional.empty(),
                step == SagaStep.COMPLETED ? Optional.of(PAYMENT) : Optional.empty(), Optional.ofNullable(reason),
                PLACED_AT.plusSeconds(30), 7);
    }
}
