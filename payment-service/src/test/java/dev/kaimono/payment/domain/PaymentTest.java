package dev.kaimono.payment.domain;

import static dev.kaimono.payment.domain.SamplePayments.ATTEMPT;
import static dev.kaimono.payment.domain.SamplePayments.REQUESTED_AT;
import static dev.kaimono.payment.domain.SamplePayments.TOTAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.kaimono.payment.domain.Payment.RefundDecision;
import dev.kaimono.payment.domain.PaymentEvent.PaymentCaptured;
import dev.kaimono.payment.domain.PaymentEvent.PaymentDeclined;
import dev.kaimono.payment.domain.PaymentEvent.PaymentRefunded;

class PaymentTest {

    private static final Instant LATER = REQUESTED_AT.plusSeconds(5);

    @Nested
    class Requesting {

        @Test
        void startsPendingWithItsFirstProviderAttemptUnderWay() {
            Payment payment = SamplePayments.pending();

            assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(payment.snapshot().attemptExpiresAt()).isEqualTo(REQUESTED_AT.plus(ATTEMPT));
            assertThat(payment.chargeOutcome()).isEmpty();
            assertThat(payment.releaseEvents()).isEmpty();
        }

        @Test
        void refusesANonPositiveAmount() {
            assertThatThrownBy(() -> request(Money.of("0", "JPY"), "pm_card_visa"))
                    .isInstanceOf(PaymentRuleViolationException.class)
                    .hasMessageContaining("positive amount, not 0 JPY");
            assertThatThrownBy(() -> request(Money.of("-1.00", "EUR"), "pm_card_visa"))
                    .isInstanceOf(PaymentRuleViolationException.class);
        }

        @Test
        void refusesABlankPaymentMethod() {
            assertThatThrownBy(() -> request(TOTAL, " "))
                    .isInstanceOf(PaymentRuleViolationException.class)
                    .hasMessageContaining("payment method");
        }

        private static Payment request(Money amount, String method) {
            return Payment.request(PaymentId.random(), new OrderId(UUID.randomUUID()), new CustomerId(UUID.randomUUID()),
                    amount, method, REQUESTED_AT, ATTEMPT);
        }
    }

    @Nested
    class Settling {

        @Test
        void captureRecordsPaymentCapturedWithTheChargedAmount() {
            Payment payment = SamplePayments.pending();

            payment.capture("ch_42", LATER);

            assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
            assertThat(payment.providerReference()).isEqualTo("ch_42");
            assertThat(payment.snapshot().attemptExpiresAt()).isNull();
            assertThat(payment.releaseEvents()).containsExactly(new PaymentCaptured(payment.id(), payment.orderId(), TOTAL));
        }

        @Test
        void declineRecordsPaymentDeclinedWithItsReason() {
            Payment payment = SamplePayments.pending();

            payment.decline("card_declined", LATER);

            assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(payment.failureReason()).isEqualTo("card_declined");
            assertThat(payment.releaseEvents()).containsExactly(new PaymentDeclined(payment.id(), payment.orderId(), "card_declined"));
        }

        @Test
        void aSettledChargeCannotBeSettledAgain() {
            Payment captured = SamplePayments.captured();
            Payment declined = SamplePayments.declined();

            assertThatIllegalStateException().isThrownBy(() -> captured.capture("ch_2", LATER))
                    .withMessageContaining("it is COMPLETED, not PENDING");
            assertThatIllegalStateException().isThrownBy(() -> declined.capture("ch_2", LATER))
                    .withMessageContaining("it is FAILED, not PENDING");
            assertThatIllegalStateException().isThrownBy(() -> captured.decline("card_declined", LATER));
        }

        @Test
        void theChargeOutcomeIsStatedAgainWithTheSameIds() {
            Payment captured = SamplePayments.captured();
            Payment declined = SamplePayments.declined();
            Payment refunded = SamplePayments.refunding();
            refunded.refund("re_1", LATER);

            assertThat(captured.chargeOutcome()).contains(new PaymentCaptured(captured.id(), captured.orderId(), TOTAL));
            assertThat(declined.chargeOutcome()).contains(new PaymentDeclined(declined.id(), declined.orderId(), "card_declined"));
            assertThat(refunded.chargeOutcome()).contains(new PaymentCaptured(refunded.id(), refunded.orderId(), TOTAL));
        }

        @Test
        void eventsAreReleasedOnce() {
            Payment payment = SamplePayments.pending();
            payment.capture("ch_1", LATER);

            assertThat(payment.releaseEvents()).hasSize(1);
            assertThat(payment.releaseEvents()).isEmpty();
        }
    }

    @Nested
    class ProviderAttempts {

        @Test
        void anotherAttemptWaitsUntilTheCurrentOneExpires() {
            Payment payment = SamplePayments.pending();

            boolean whileUnderWay = payment.beginProviderAttempt(REQUESTED_AT.plus(ATTEMPT).minusMillis(1), ATTEMPT);
            boolean afterExpiry = payment.beginProviderAttempt(REQUESTED_AT.plus(ATTEMPT), ATTEMPT);

            assertThat(whileUnderWay).isFalse();
            assertThat(afterExpiry).isTrue();
            assertThat(payment.snapshot().attemptExpiresAt()).isEqualTo(REQUESTED_AT.plus(ATTEMPT).plus(ATTEMPT));
        }

        @Test
        void aSettledPaymentNeedsNoAttempt() {
            Payment captured = SamplePayments.captured();
            Payment declined = SamplePayments.declined();

            assertThat(captured.beginProviderAttempt(LATER, ATTEMPT)).isFalse();
            assertThat(declined.beginProviderAttempt(LATER, ATTEMPT)).isFalse();
        }

        @Test
        void aDecidedRefundNeedsAnAttempt() {
            Payment payment = SamplePayments.refunding();

            assertThat(payment.beginProviderAttempt(LATER, ATTEMPT)).isTrue();
        }
    }

    @Nested
    class Refunding {

        @Test
        void refundOfACapturedPaymentIsDecidedThenCarriedOut() {
            Payment payment = SamplePayments.captured();

            RefundDecision decision = payment.requestFullRefund(LATER);
            payment.refund("re_7", LATER.plusSeconds(1));

            assertThat(decision).isEqualTo(RefundDecision.STARTED);
            assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
            assertThat(payment.refundedAt()).isEqualTo(LATER.plusSeconds(1));
            assertThat(payment.releaseEvents()).containsExactly(new PaymentRefunded(payment.id(), payment.orderId(), TOTAL));
        }

        @Test
        void aPartialRefundGivesBackWhatWasAsked() {
            Payment payment = SamplePayments.captured();

            payment.requestRefund(Money.of("1000", "JPY"), LATER);
            payment.refund("re_8", LATER);

            assertThat(payment.releaseEvents()).containsExactly(
                    new PaymentRefunded(payment.id(), payment.orderId(), Money.of("1000", "JPY")));
        }

        @Test
        void refundsHappenAtMostOnce() {
            Payment refunding = SamplePayments.refunding();
            Payment refunded = SamplePayments.refunding();
            refunded.refund("re_1", LATER);
            refunded.releaseEvents();

            assertThat(refunding.requestFullRefund(LATER)).isEqualTo(RefundDecision.ALREADY_REFUNDED);
            assertThat(refunded.requestFullRefund(LATER)).isEqualTo(RefundDecision.ALREADY_REFUNDED);
            assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
            assertThat(refunded.releaseEvents()).isEmpty();
            assertThatIllegalStateException().isThrownBy(() -> refunded.refund("re_2", LATER));
        }

        @Test
        void aDeclinedPaymentHasNothingToRefund() {
            Payment payment = SamplePayments.declined();

            RefundDecision decision = payment.requestFullRefund(LATER);

            assertThat(decision).isEqualTo(RefundDecision.NOTHING_CAPTURED);
            assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(payment.releaseEvents()).isEmpty();
        }

        @Test
        void refusesMoreThanWasCapturedAnotherCurrencyOrNothing() {
            Payment payment = SamplePayments.captured();

            assertThatThrownBy(() -> payment.requestRefund(Money.of("2561", "JPY"), LATER))
                    .isInstanceOf(PaymentRuleViolationException.class)
                    .hasMessageContaining("was charged 2560 JPY; cannot refund 2561 JPY");
            assertThatThrownBy(() -> payment.requestRefund(Money.of("2560", "USD"), LATER))
                    .isInstanceOf(PaymentRuleViolationException.class);
            assertThatThrownBy(() -> payment.requestRefund(Money.of("0", "JPY"), LATER))
                    .isInstanceOf(PaymentRuleViolationException.class);
            assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
        }

        @Test
        void theSameAmountWithAnotherScaleIsNotMoreThanWasCaptured() {
            Payment payment = SamplePayments.captured();

            assertThat(payment.requestRefund(Money.of("2560.00", "JPY"), LATER)).isEqualTo(RefundDecision.STARTED);
        }

        @Test
        void aRefundRequestedWhileTheChargeIsPendingFollowsTheCapture() {
            Payment payment = SamplePayments.pending();

            RefundDecision decision = payment.requestFullRefund(LATER);
            payment.capture("ch_9", LATER.plusSeconds(1));

            assertThat(decision).isEqualTo(RefundDecision.DEFERRED);
            assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDING);
            assertThat(payment.refundAmount()).isEqualTo(TOTAL);
            assertThat(payment.beginProviderAttempt(LATER.plusSeconds(1), ATTEMPT)).isTrue();
            assertThat(payment.releaseEvents()).containsExactly(new PaymentCaptured(payment.id(), payment.orderId(), TOTAL));
        }

        @Test
        void aRefundRequestedWhileTheChargeIsPendingIsDroppedWhenItIsDeclined() {
            Payment payment = SamplePayments.pending();

            payment.requestFullRefund(LATER);
            payment.decline("card_declined", LATER.plusSeconds(1));

            assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(payment.refundAmount()).isNull();
        }
    }

    @Nested
    class Restoring {

        @Test
        void restoresEveryFieldWithoutRecordingEvents() {
            Payment original = SamplePayments.refunding();

            Payment restored = Payment.restore(original.snapshot());

            assertThat(restored.snapshot()).isEqualTo(original.snapshot());
            assertThat(restored.releaseEvents()).isEmpty();
        }

        @Test
        void refusesAFailedPaymentWithoutReason() {
            Payment.Snapshot failed = SamplePayments.declined().snapshot();
            Payment.Snapshot withoutReason = new Payment.Snapshot(failed.id(), failed.orderId(), failed.customerId(),
                    failed.amount(), failed.paymentMethod(), PaymentStatus.FAILED, null, null, null, null, null,
                    failed.createdAt(), failed.settledAt(), null, null);

            assertThatThrownBy(() -> Payment.restore(withoutReason)).hasMessageContaining("names its reason");
        }
    }

    @Test
    void isOwnedByTheCustomerWhoPays() {
        Payment payment = SamplePayments.pending();

        assertThat(payment.isOwnedBy(payment.customerId())).isTrue();
        assertThat(payment.isOwnedBy(new CustomerId(UUID.randomUUID()))).isFalse();
    }
}
