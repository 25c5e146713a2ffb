package dev.kaimono.payment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.kaimono.payment.domain.Money;
import dev.kaimono.payment.domain.PaymentProviderUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ProviderCallsTest {

    private static final PaymentProperties.ProviderRetry THREE_QUICK_ATTEMPTS =
            new PaymentProperties.ProviderRetry(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(5));
    private static final PaymentProvider.ChargeRequest CHARGE =
            new PaymentProvider.ChargeRequest(UUID.randomUUID().toString(), Money.of("12.50", "EUR"), "pm_card_visa");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScriptedProvider provider = new ScriptedProvider();
    private final ProviderCalls calls = new ProviderCalls(provider, THREE_QUICK_ATTEMPTS, meters);

    @Test
    void retriesATransientFailureAndReturnsTheAnswer() {
        provider.failTimes(2);

        PaymentProvider.ChargeResult result = calls.charge(CHARGE);

        assertThat(result).isEqualTo(new PaymentProvider.Captured("ch_1"));
        assertThat(provider.charges).hasValue(3);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        provider.failTimes(10);

        assertThatThrownBy(() -> calls.charge(CHARGE)).isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessage("attempt 3");
        assertThat(provider.charges).hasValue(3);
    }

    @Test
    void doesNotRetryOtherFailures() {
        provider.refuseWith(new IllegalArgumentException("Idempotency key reused"));

        assertThatIllegalArgumentException().isThrownBy(() -> calls.charge(CHARGE)).withMessage("Idempotency key reused");
        assertThat(provider.charges).hasValue(1);
    }

    @Test
    void timesEveryAttemptByOperationAndResult() {
        provider.failTimes(1);

        calls.charge(CHARGE);

        assertThat(meters.get("kaimono.payment.provider.latency").tags("operation", "charge", "result", "unavailable")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get("kaimono.payment.provider.latency").tags("operation", "charge", "result", "captured")
                .timer().count()).isEqualTo(1);
    }

    /** Fails as told, then captures. */
    private static final class ScriptedProvider implements PaymentProvider {

        final AtomicInteger charges = new AtomicInteger();
        private final Deque<RuntimeException> failures = new ArrayDeque<>();

        void failTimes(int times) {
            for (int i = 1; i <= times; i++) {
                failures.add(new PaymentProviderUnavailableException("attempt " + i));
            }
        }

        void refuseWith(RuntimeException failure) {
            failures.add(failure);
        }

        @Override
        public ChargeResult charge(ChargeRequest request) {
            charges.incrementAndGet();
            RuntimeException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            return new Captured("ch_1");
        }

        @Override
        public RefundReceipt refund(RefundRequest request) {
            throw new UnsupportedOperationException();
        }
    }
}
