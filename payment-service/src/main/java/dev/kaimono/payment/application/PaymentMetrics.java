package dev.kaimono.payment.application;

import org.springframework.stereotype.Component;

import dev.kaimono.payment.domain.PaymentEvent;
import dev.kaimono.runtime.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business counters: {@code kaimono.payments} by {@code outcome} (completed, failed, refunded, and expired: a charge
 * command that came too late to start). Each payment counts once per outcome, when the transaction that recorded it
 * commits; restating an outcome does not count.
 */
@Component
class PaymentMetrics {

    private final Counter completed;
    private final Counter failed;
    private final Counter refunded;
    private final Counter expired;

    PaymentMetrics(MeterRegistry meters) {
        this.completed = counter(meters, "completed");
        this.failed = counter(meters, "failed");
        this.refunded = counter(meters, "refunded");
        this.expired = counter(meters, "expired");
    }

    void countAfterCommit(PaymentEvent event) {
        Counter counter = switch (event) {
            case PaymentEvent.PaymentCaptured _ -> completed;
            case PaymentEvent.PaymentDeclined _ -> failed;
            case PaymentEvent.PaymentRefunded _ -> refunded;
        };
        AfterCommit.run(counter::increment);
    }

    /** A charge command refused because it came after its deadline (nothing was recorded, so nothing commits). */
    void countExpired() {
        expired.increment();
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("kaimono.payments")
                .description("Payments by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }
}
