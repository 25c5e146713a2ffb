package dev.kaimono.order.domain.saga;

import static dev.kaimono.order.domain.Orders.ORDER;
import static dev.kaimono.order.domain.Orders.PAYMENT;
import static dev.kaimono.order.domain.Orders.PLACED_AT;
import static dev.kaimono.order.domain.Orders.SHOPPER;
import static dev.kaimono.order.domain.Orders.MATCHA;
import static dev.kaimono.order.domain.Orders.WHISK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

/** The place-order saga: given its state and a reply or a passed deadline, expect the next state and commands. */
class PlaceOrderSagaTest {

    private static final Duration STOCK_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(15);
    private static final Money TOTAL = Money.of("9200", "JPY");
    private static final List<StockLine> LINES = List.of(new StockLine(MATCHA, 2), new StockLine(WHISK, 1));
    private static final SagaSubject SUBJECT = new SagaSubject(ORDER, SHOPPER, LINES, TOTAL, "pm_card_visa", PLACED_AT);

    private final PlaceOrderSaga saga = new PlaceOrderSaga(new PlaceOrderSaga.Deadlines(STOCK_TIMEOUT, PAYMENT_TIMEOUT, 3));

    @Test
    void startsByReservingTheOrdersStockWithADeadline() {
        Transition start = saga.start(Orders.aPendingOrder(), PLACED_AT);

        assertThat(start.from()).isEmpty();
        assertThat(start.to()).isEqualTo(awaitingStock(1, PLACED_AT.plus(STOCK_TIMEOUT), PLACED_AT, 0));
        assertThat(start.commands()).containsExactly(new ReserveStock(LINES));
        assertThat(start.orderCommand()).isEmpty();
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

            Transition next = saga.handle(state, new StockReserved(), now);

            assertThat(next.to().step()).isEqualTo(SagaStep.AWAITING_PAYMENT);
            assertThat(next.to().attempts()).isEqualTo(1);
            assertThat(next.to().deadlineAt()).contains(now.plus(PAYMENT_TIMEOUT));
            assertThat(next.commands()).as("the charge may start only until the step's deadline")
                    .containsExactly(new ProcessPayment(SHOPPER, TOTAL, "pm_card_visa", now.plus(PAYMENT_TIMEOUT)));
            assertThat(next.orderCommand()).isEmpty();
        }

        @Test
        void stockReservationFailedCancelsTheOrderAsOutOfStockWithNothingToUndo() {
            Instant now = PLACED_AT.plusSeconds(2);

            Transition next = saga.handle(state, new StockReservationFailed(), now);

            assertThat(next.to().step()).isEqualTo(SagaStep.CANCELLED);
            assertThat(next.to().cancellationReason()).contains(CancellationReason.OUT_OF_STOCK);
            assertThat(next.to().deadlineAt()).isEmpty();
            assertThat(next.commands()).isEmpty();
            assertThat(next.orderCommand()).contains(new RejectOrder(ORDER, CancellationReason.OUT_OF_STOCK, now));
            assertThat(next.compensated()).isEmpty();
            assertThat(next.finishes()).isTrue();
        }

        @Test
        void aDeadlineResendsReserveStockAndPushesTheDeadlineOut() {
            Instant now = PLACED_AT.plus(STOCK_TIMEOUT);

            Transition next = saga.handle(state, new DeadlinePassed(), now);

            assertThat(next.to()).isEqualTo(awaitingStock(2, now.plus(STOCK_TIMEOUT), now, 7));
            assertThat(next.commands()).containsExactly(new ReserveStock(LINES));
            assertThat(next.orderCommand()).isEmpty();
        }

        @Test
        void theLastDeadlineReleasesAnyReservationAndCancelsAsTimedOut() {
            PlaceOrderSagaState lastAttempt = awaitingStock(3, PLACED_AT.plus(STOCK_TIMEOUT.multipliedBy(3)));
            Instant now = lastAttempt.deadlineAt().orElseThrow().plusMillis(5);

            Transition next = saga.handle(lastAttempt, new DeadlinePassed(), now);

            assertThat(next.to().step()).isEqualTo(SagaStep.CANCELLED);
            assertThat(next.to().cancellationReason()).contains(CancellationReason.TIMED_OUT);
            assertThat(next.commands()).containsExactly(new ReleaseStock());
            assertThat(next.orderCommand()).contains(new RejectOrder(ORDER, CancellationReason.TIMED_OUT, now));
            assertThat(next.compensated()).contains(Compensation.STOCK);
        }

        @Test
        void aDeadlineThatHasNotPassedYetIsIgnored() {
            Transition next = saga.handle(state, new DeadlinePassed(), state.deadlineAt().orElseThrow().minusMillis(1));

            assertThat(next.isIgnored()).isTrue();
            assertThat(next.to()).isEqualTo(state);
        }

        @Test
        void paymentRepliesBeforeStockIsReservedAreIgnored() {
            assertThat(saga.handle(state, new PaymentCompleted(PAYMENT, TOTAL), PLACED_AT).isIgnored()).isTrue();
            assertThat(saga.handle(state, new PaymentFailed("declined"), PLACED_AT).isIgnored()).isTrue();
        }
    }

    @Nested
    class AwaitingPayment {

        private final PlaceOrderSagaState state = awaitingPayment(1, PLACED_AT.plusSeconds(17));

        @Test
        void paymentCompletedConfirmsTheOrder() {
            Instant now = PLACED_AT.plusSeconds(4);

            Transition next = saga.handle(state, new PaymentCompleted(PAYMENT, TOTAL), now);

            assertThat(next.to().step()).isEqualTo(SagaStep.COMPLETED);
            assertThat(next.to().paymentId()).contains(PAYMENT);
            assertThat(next.to().deadlineAt()).isEmpty();
            assertThat(next.commands()).isEmpty();
            assertThat(next.orderCommand()).contains(new ConfirmOrder(ORDER, PAYMENT, now));
            assertThat(next.finishes()).isTrue();
        }

        @Test
        void paymentFailedReleasesTheStockAndCancelsAsDeclined() {
            Instant now = PLACED_AT.plusSeconds(4);

            Transition next = saga.handle(state, new PaymentFailed("card declined"), now);

            assertThat(next.to().step()).isEqualTo(SagaStep.CANCELLED);
            assertThat(next.to().cancellationReason()).contains(CancellationReason.PAYMENT_DECLINED);
            assertThat(next.commands()).containsExactly(new ReleaseStock());
            assertThat(next.orderCommand()).contains(new RejectOrder(ORDER, CancellationReason.PAYMENT_DECLINED, now));
            assertThat(next.compensated()).contains(Compensation.PAYMENT);
        }

        @Test
        void aDeadlineResendsProcessPayment() {
            Instant now = state.deadlineAt().orElseThrow();

            Transition next = saga.handle(state, new DeadlinePassed(), now);

            assertThat(next.to().step()).isEqualTo(SagaStep.AWAITING_PAYMENT);
            assertThat(next.to().attempts()).isEqualTo(2);
            assertThat(next.to().deadlineAt()).contains(now.plus(PAYMENT_TIMEOUT));
            assertThat(next.commands()).as("a new attempt, with its own deadline")
                    .containsExactly(new ProcessPayment(SHOPPER, TOTAL, "pm_card_visa", now.plus(PAYMENT_TIMEOUT)));
        }

        @Test
        void theLastDeadlineReleasesStockRefundsAnyCaptureAndCancelsAsTimedOut() {
            PlaceOrderSagaState lastAttempt = awaitingPayment(3, PLACED_AT.plusSeconds(60));
            Instant now = lastAttempt.deadlineAt().orElseThrow();

            Transition next = saga.handle(lastAttempt, new DeadlinePassed(), now);

            assertThat(next.to().step()).isEqualTo(SagaStep.CANCELLED);
            assertThat(next.to().cancellationReason()).contains(CancellationReason.TIMED_OUT);
            assertThat(next.commands()).containsExactly(new ReleaseStock(), new RefundPayment(TOTAL));
            assertThat(next.orderCommand()).contains(new RejectOrder(ORDER, CancellationReason.TIMED_OUT, now));
            assertThat(next.compensated()).contains(Compensation.PAYMENT);
        }

        @Test
        void aDuplicateStockReservedDoesNotChargeTwice() {
            Transition next = saga.handle(state, new StockReserved(), PLACED_AT.plusSeconds(5));

            assertThat(next.isIgnored()).isTrue();
            assertThat(next.commands()).isEmpty();
        }

        @Test
        void aLateStockReservationFailureIsIgnored() {
            assertThat(saga.handle(state, new StockReservationFailed(), PLACED_AT.plusSeconds(5)).isIgnored()).isTrue();
        }
    }

    @Nested
    class LateReplies {

        @Test
        void aPaymentCapturedAfterTheSagaTimedOutIsRefunded() {
            PlaceOrderSagaState cancelled = finished(SagaStep.CANCELLED, CancellationReason.TIMED_OUT);
            Money captured = Money.of("9200", "JPY");

            Transition next = saga.handle(cancelled, new PaymentCompleted(PAYMENT, captured), PLACED_AT.plusSeconds(90));

            assertThat(next.to().step()).isEqualTo(SagaStep.CANCELLED);
            assertThat(next.commands()).containsExactly(new RefundPayment(captured));
            assertThat(next.orderCommand()).isEmpty();
            assertThat(next.compensated()).contains(Compensation.PAYMENT);
            assertThat(next.finishes()).isFalse();
        }

        @Test
        void stockReservedAfterTheSagaGaveUpIsReleasedAgain() {
            PlaceOrderSagaState cancelled = finished(SagaStep.CANCELLED, CancellationReason.TIMED_OUT);

            Transition next = saga.handle(cancelled, new StockReserved(), PLACED_AT.plusSeconds(90));

            assertThat(next.commands()).containsExactly(new ReleaseStock());
            assertThat(next.orderCommand()).isEmpty();
            assertThat(next.to().step()).isEqualTo(SagaStep.CANCELLED);
        }

        @Test
        void aDuplicatePaymentCompletedForACompletedSagaIsIgnored() {
            PlaceOrderSagaState completed = finished(SagaStep.COMPLETED, null);

            Transition next = saga.handle(completed, new PaymentCompleted(PAYMENT, TOTAL), PLACED_AT.plusSeconds(90));

            assertThat(next.isIgnored()).isTrue();
        }

        @Test
        void repliesAndDeadlinesOfAFinishedSagaChangeNothing() {
            PlaceOrderSagaState completed = finished(SagaStep.COMPLETED, null);
            PlaceOrderSagaState cancelled = finished(SagaStep.CANCELLED, CancellationReason.OUT_OF_STOCK);

            assertThat(saga.handle(completed, new StockReserved(), PLACED_AT.plusSeconds(90)).isIgnored()).isTrue();
            assertThat(saga.handle(completed, new PaymentFailed("late"), PLACED_AT.plusSeconds(90)).isIgnored()).isTrue();
            assertThat(saga.handle(completed, new DeadlinePassed(), PLACED_AT.plusSeconds(90)).isIgnored()).isTrue();
            assertThat(saga.handle(cancelled, new StockReservationFailed(), PLACED_AT.plusSeconds(90)).isIgnored()).isTrue();
            assertThat(saga.handle(cancelled, new PaymentFailed("late"), PLACED_AT.plusSeconds(90)).isIgnored()).isTrue();
            assertThat(saga.handle(cancelled, new DeadlinePassed(), PLACED_AT.plusSeconds(90)).isIgnored()).isTrue();
        }
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
        return new PlaceOrderSagaState(SUBJECT, SagaStep.AWAITING_PAYMENT, attempts, Optional.of(deadline), Optional.empty(),
                Optional.empty(), PLACED_AT.plusSeconds(2), 7);
    }

    static PlaceOrderSagaState finished(SagaStep step, CancellationReason reason) {
        return new PlaceOrderSagaState(SUBJECT, step, 1, Optional.empty(),
                step == SagaStep.COMPLETED ? Optional.of(PAYMENT) : Optional.empty(), Optional.ofNullable(reason),
                PLACED_AT.plusSeconds(30), 7);
    }
}
