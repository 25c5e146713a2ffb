package dev.kaimono.payment.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.kaimono.payment.application.PaymentProvider.Captured;
import dev.kaimono.payment.application.PaymentProvider.ChargeRequest;
import dev.kaimono.payment.application.PaymentProvider.ChargeResult;
import dev.kaimono.payment.application.PaymentProvider.Declined;
import dev.kaimono.payment.application.PaymentProvider.RefundReceipt;
import dev.kaimono.payment.application.PaymentProvider.RefundRequest;
import dev.kaimono.payment.domain.Money;
import dev.kaimono.payment.domain.PaymentProviderUnavailableException;

class SimulatedPaymentProviderTest {

    private static final Money TOTAL = Money.of("2560", "JPY");

    private final SimulatedPaymentProvider provider = simulator(Duration.ZERO, 0.0, () -> 0.5);

    @Test
    void capturesVisa() {
        ChargeResult result = provider.charge(charge("pm_card_visa"));

        assertThat(result).isInstanceOfSatisfying(Captured.class,
                captured -> assertThat(captured.reference()).startsWith("sim_ch_"));
    }

    @Test
    void declinesTheDeclinedTestCard() {
        assertThat(provider.charge(charge("pm_card_chargeDeclined"))).isEqualTo(new Declined("card_declined"));
    }

    @Test
    void declinesPaymentMethodsItDoesNotKnow() {
        assertThat(provider.charge(charge("pm_card_amex"))).isEqualTo(new Declined("unsupported_payment_method"));
        assertThat(provider.charge(charge("4242424242424242"))).isEqualTo(new Declined("unsupported_payment_method"));
    }

    @Test
    void answersARepeatedKeyWithTheFirstAnswer() {
        ChargeRequest request = charge("pm_card_visa");

        ChargeResult first = provider.charge(request);
        ChargeResult second = provider.charge(new ChargeRequest(request.idempotencyKey(), Money.of("2560.00", "JPY"), "pm_card_visa"));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void chargesOncePerKeyWhenAskedConcurrently() throws Exception {
        ChargeRequest request = charge("pm_card_visa");
        SimulatedPaymentProvider slow = simulator(Duration.ofMillis(20), 0.0, () -> 0.5);
        Set<ChargeResult> answers = ConcurrentHashMap.newKeySet();

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(threads.submit(() -> answers.add(slow.charge(request))));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }

        assertThat(answers).singleElement().isInstanceOf(Captured.class);
    }

    @Test
    void refusesAKeyReusedForAnotherCharge() {
        ChargeRequest request = charge("pm_card_visa");
        provider.charge(request);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.charge(new ChargeRequest(request.idempotencyKey(), Money.of("9999", "JPY"), "pm_card_visa")))
                .withMessageContaining("was used for another charge");
    }

    @Test
    void failsTransientlyAtTheConfiguredRateBeforeCharging() {
        AtomicInteger draws = new AtomicInteger();
        double[] dice = {0.05, 0.95};
        SimulatedPaymentProvider flaky = simulator(Duration.ZERO, 0.1, () -> dice[draws.getAndIncrement() % 2]);
        ChargeRequest request = charge("pm_card_visa");

        assertThatThrownBy(() -> flaky.charge(request)).isInstanceOf(PaymentProviderUnavailableException.class);
        ChargeResult retried = flaky.charge(new ChargeRequest(request.idempotencyKey(), TOTAL, "pm_card_chargeDeclined"));

        assertThat(retried).as("the failed call recorded nothing under its key").isEqualTo(new Declined("card_declined"));
    }

    @Test
    void alwaysFailsAtFailureRateOne() {
        SimulatedPaymentProvider down = simulator(Duration.ZERO, 1.0, () -> 0.999_999);

        assertThatThrownBy(() -> down.charge(charge("pm_card_visa")))
                .isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessageContaining("unavailable");
    }

    @Test
    void takesTheConfiguredLatency() {
        SimulatedPaymentProvider slow = simulator(Duration.ofMillis(40), 0.0, () -> 0.5);

        long started = System.nanoTime();
        slow.charge(charge("pm_card_visa"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(40));
    }

    @Test
    void refundsACaptureOncePerKey() {
        Captured captured = (Captured) provider.charge(charge("pm_card_visa"));
        RefundRequest request = new RefundRequest(UUID.randomUUID() + ":refund", captured.reference(), TOTAL);

        RefundReceipt first = provider.refund(request);
        RefundReceipt second = provider.refund(request);

        assertThat(first.reference()).startsWith("sim_re_");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void refusesToRefundMoreThanTheCaptureOrAnUnknownCapture() {
        Captured captured = (Captured) provider.charge(charge("pm_card_visa"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.refund(new RefundRequest("r1", captured.reference(), Money.of("2561", "JPY"))))
                .withMessageContaining("Cannot refund 2561 JPY of a capture of 2560 JPY");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.refund(new RefundRequest("r2", "sim_ch_unknown", TOTAL)))
                .withMessageContaining("No capture sim_ch_unknown");
    }

    @Test
    void refusesANegativeLatency() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SimulatorProperties(true, Duration.ofMillis(-1), 0.0));
    }

    private static ChargeRequest charge(String paymentMethod) {
        return new ChargeRequest(UUID.randomUUID().toString(), TOTAL, paymentMethod);
    }

    private static SimulatedPaymentProvider simulator(Duration latency, double failureRate, java.util.function.DoubleSupplier dice) {
        return new SimulatedPaymentProvider(new SimulatorProperties(true, latency, failureRate), dice);
    }
}
