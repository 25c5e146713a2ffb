package dev.kaimono.payment.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.payment.application.PaymentProvider.ChargeRequest;
import dev.kaimono.payment.application.PaymentProvider.ChargeResult;
import dev.kaimono.payment.application.PaymentProvider.RefundReceipt;
import dev.kaimono.payment.application.PaymentProvider.RefundRequest;
import dev.kaimono.payment.domain.Payment;
import dev.kaimono.payment.domain.PaymentProviderUnavailableException;
import dev.kaimono.payment.domain.PaymentStatus;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Carries a payment whose provider attempt the caller has begun through the provider: asks it (no database
 * transaction is open meanwhile), then records the answer and publishes its event in one new transaction.
 * A charge answered while a refund waits goes straight on to the refund.
 *
 * <p>The idempotency key is the order id (charge) and {@code <order id>:refund} (refund), so a second attempt
 * after a crash, or a competing one whose lease ran out, gets the provider's first answer and moves no money.
 * If another attempt recorded the answer first, this one records nothing.
 */
@Component
class ProviderSettlement {

    private static final Logger log = LoggerFactory.getLogger(ProviderSettlement.class);

    private final Payments payments;
    private final ProviderCalls provider;
    private final PaymentEvents events;
    private final PaymentMetrics metrics;
    private final TransactionTemplate separately;
    private final Clock clock;
    private final Duration attemptDuration;

    ProviderSettlement(Payments payments, PaymentProvider provider, PaymentEvents events, PaymentMetrics metrics,
            PlatformTransactionManager transactionManager, Clock clock, PaymentProperties properties, MeterRegistry meters) {
        this.payments = payments;
        this.provider = new ProviderCalls(provider, properties.providerRetry(), meters);
        this.events = events;
        this.metrics = metrics;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.attemptDuration = properties.attemptDuration();
    }

    /** @param claimed a payment awaiting the provider whose attempt the caller began and committed */
    void settle(Payment claimed) {
        Optional<Payment> next = claimed.status() == PaymentStatus.PENDING ? charge(claimed) : Optional.of(claimed);
        next.filter(payment -> payment.status() == PaymentStatus.REFUNDING).ifPresent(this::refund);
    }

    /** @return the payment if it now awaits a refund that this attempt carries out too */
    private Optional<Payment> charge(Payment payment) {
        ChargeResult result;
        try {
            result = provider.charge(new ChargeRequest(payment.orderId().toString(), payment.amount(), payment.paymentMethod()));
        } catch (PaymentProviderUnavailableException e) {
            log.warn("Payment provider unavailable for order {} after every retry ({}); the payment fails",
                    payment.orderId(), e.getMessage());
            result = new PaymentProvider.Declined(Payment.PROVIDER_UNAVAILABLE);
        }
        ChargeResult answer = result;
        return separately.execute(status -> {
            Payment current = payments.lockByOrderId(payment.orderId()).orElseThrow();
            if (current.status() != PaymentStatus.PENDING) {
                log.info("The charge of order {} was recorded by another attempt", payment.orderId());
                return Optional.<Payment>empty();
            }
            Instant now = clock.instant();
            switch (answer) {
                case PaymentProvider.Captured captured -> current.capture(captured.reference(), now);
                case PaymentProvider.Declined declined -> current.decline(declined.reason(), now);
            }
            boolean refundsNext = current.beginProviderAttempt(now, attemptDuration);
            record(current);
            return refundsNext ? Optional.of(current) : Optional.<Payment>empty();
        });
    }

    private void refund(Payment payment) {
        RefundReceipt receipt;
        try {
            receipt = provider.refund(new RefundRequest(payment.orderId() + ":refund", payment.providerReference(),
                    payment.refundAmount()));
        } catch (PaymentProviderUnavailableException e) {
            log.warn("Payment provider unavailable for the refund of order {} ({}); the recovery sweep tries again in {}",
                    payment.orderId(), e.getMessage(), attemptDuration);
            return;
        }
        separately.executeWithoutResult(status -> {
            Payment current = payments.lockByOrderId(payment.orderId()).orElseThrow();
            if (current.status() != PaymentStatus.REFUNDING) {
                log.info("The refund of order {} was recorded by another attempt", payment.orderId());
                return;
            }
            current.refund(receipt.reference(), clock.instant());
            record(current);
        });
    }

    private void record(Payment payment) {
        payments.update(payment);
        payment.releaseEvents().forEach(event -> {
            events.publish(event);
            metrics.countAfterCommit(event);
        });
    }
}
