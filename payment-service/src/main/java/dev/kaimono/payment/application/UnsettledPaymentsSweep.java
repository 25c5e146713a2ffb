package dev.kaimono.payment.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.payment.domain.OrderId;
import dev.kaimono.payment.domain.Payment;

/**
 * Resolves payments that wait for the provider with no attempt under way: a process died between recording
 * a charge or refund and recording the provider's answer, or a refund met an unreachable provider. It asks
 * the provider again with the same idempotency key, so nothing is charged or refunded twice. Every instance
 * sweeps; the row lock and the attempt keep two of them from working on one payment.
 */
@Service
public class UnsettledPaymentsSweep {

    private static final Logger log = LoggerFactory.getLogger(UnsettledPaymentsSweep.class);

    private final Payments payments;
    private final ProviderSettlement settlement;
    private final TransactionTemplate separately;
    private final Clock clock;
    private final Duration attemptDuration;
    private final int batchSize;

    UnsettledPaymentsSweep(Payments payments, ProviderSettlement settlement, PlatformTransactionManager transactionManager,
            Clock clock, PaymentProperties properties) {
        this.payments = payments;
        this.settlement = settlement;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.attemptDuration = properties.attemptDuration();
        this.batchSize = properties.recovery().batchSize();
    }

    /** @return how many payments this sweep took over */
    public int resolveDue() {
        int resolved = 0;
        for (OrderId orderId : payments.awaitingProvider(clock.instant(), batchSize)) {
            try {
                Optional<Payment> attempt = separately.execute(status -> payments.lockByOrderId(orderId)
                        .filter(payment -> beginAttempt(payment, clock.instant())));
                if (attempt.isPresent()) {
                    log.info("Resolving the {} payment of order {} left without an answer", attempt.get().status(), orderId);
                    settlement.settle(attempt.get());
                    resolved++;
                }
            } catch (RuntimeException e) {
                log.error("Could not resolve the payment of order {}; the next sweep tries again", orderId, e);
            }
        }
        return resolved;
    }

    private boolean beginAttempt(Payment payment, Instant now) {
        if (!payment.beginProviderAttempt(now, attemptDuration)) {
            return false;
        }
        payments.update(payment);
        return true;
    }
}
