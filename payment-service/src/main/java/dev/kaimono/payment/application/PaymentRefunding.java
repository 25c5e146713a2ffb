package dev.kaimono.payment.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.payment.domain.Money;
import dev.kaimono.payment.domain.OrderId;
import dev.kaimono.payment.domain.Payment.RefundDecision;
import dev.kaimono.payment.domain.Payment;

/**
 * Refunds an order's captured payment, once, however often and from wherever it is asked (the saga's
 * refund-payment command, a confirmed order's cancellation). The decision is committed before the provider is
 * asked; a payment that captured nothing, or an order without a payment, is left alone.
 */
@Service
public class PaymentRefunding {

    private static final Logger log = LoggerFactory.getLogger(PaymentRefunding.class);

    private final Payments payments;
    private final ProviderSettlement settlement;
    private final TransactionTemplate separately;
    private final Clock clock;
    private final Duration attemptDuration;

    PaymentRefunding(Payments payments, ProviderSettlement settlement, PlatformTransactionManager transactionManager,
            Clock clock, PaymentProperties properties) {
        this.payments = payments;
        this.settlement = settlement;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.attemptDuration = properties.attemptDuration();
    }

    /** @throws dev.kaimono.payment.domain.PaymentRuleViolationException if the amount cannot be refunded from the charge */
    public void refund(OrderId orderId, Money amount) {
        refund(orderId, (payment, now) -> payment.requestRefund(amount, now));
    }

    public void refundInFull(OrderId orderId) {
        refund(orderId, Payment::requestFullRefund);
    }

    private void refund(OrderId orderId, BiFunction<Payment, Instant, RefundDecision> request) {
        Optional<Payment> attempt = separately.execute(status -> {
            Optional<Payment> found = payments.lockByOrderId(orderId);
            if (found.isEmpty()) {
                log.info("Order {} has no payment: nothing to refund", orderId);
                return Optional.<Payment>empty();
            }
            Payment payment = found.get();
            Instant now = clock.instant();
            RefundDecision decision = request.apply(payment, now);
            log.debug("Refund of order {}: {}", orderId, decision);
            if (decision != RefundDecision.STARTED && decision != RefundDecision.DEFERRED) {
                return Optional.<Payment>empty();
            }
            boolean ours = decision == RefundDecision.STARTED && payment.beginProviderAttempt(now, attemptDuration);
            payments.update(payment);
            return ours ? Optional.of(payment) : Optional.<Payment>empty();
        });
        attempt.ifPresent(settlement::settle);
    }
}
