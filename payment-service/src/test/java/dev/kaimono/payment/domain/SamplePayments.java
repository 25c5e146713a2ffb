package dev.kaimono.payment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Payments in each state of their lifecycle: the object mother of the payment tests. */
public final class SamplePayments {

    public static final Instant REQUESTED_AT = Instant.parse("2026-11-26T09:30:00Z");
    public static final Duration ATTEMPT = Duration.ofSeconds(30);
    public static final Money TOTAL = Money.of("2560", "JPY");
    public static final String VISA = "pm_card_visa";

    private SamplePayments() {
    }

    /** Requested a moment ago; its first provider attempt is under way. */
    public static Payment pending() {
        return Payment.request(PaymentId.random(), new OrderId(UUID.randomUUID()), new CustomerId(UUID.randomUUID()),
                TOTAL, VISA, REQUESTED_AT, ATTEMPT);
    }

    public static Payment captured() {
        Payment payment = pending();
        payment.capture("ch_1", REQUESTED_AT.plusSeconds(1));
        payment.releaseEvents();
        return payment;
    }

    public static Payment declined() {
        Payment payment = pending();
        payment.decline("card_declined", REQUESTED_AT.plusSeconds(1));
        payment.releaseEvents();
        return payment;
    }

    /** Captured, and its full refund decided; the provider has not refunded it yet. */
    public static Payment refunding() {
        Payment payment = captured();
        payment.requestFullRefund(REQUESTED_AT.plusSeconds(60));
        return payment;
    }
}
