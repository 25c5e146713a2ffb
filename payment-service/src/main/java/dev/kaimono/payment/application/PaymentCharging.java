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

import dev.kaimono.payment.domain.Payment;
import dev.kaimono.payment.domain.PaymentEvent;
import dev.kaimono.payment.domain.PaymentId;

/**
 * Charges an order, once. The first request stores a {@code PENDING} payment (insert-first: the unique order
 * id lets exactly one of several racing requests in) and commits it before the provider is asked, so a crash
 * leaves a trace the recovery sweep finds. A later request for the same order asks the provider nothing: it
 * restates the outcome with the same ids, or leaves an attempt under way alone (that attempt publishes the
 * outcome), or takes over an attempt that expired. A command that comes too late to finish a charge before its
 * deadline ({@code chargeBy}, less the charge margin) starts none and is not answered: the saga has given up on that
 * attempt, and may have cancelled the order.
 */
@Service
public class PaymentCharging {

    private static final Logger log = LoggerFactory.getLogger(PaymentCharging.class);

    private final Payments payments;
    private final ProviderSettlement settlement;
    private final PaymentEvents events;
    private final TransactionTemplate separately;
    private final TransactionTemplate joined;
    private final PaymentMetrics metrics;
    private final Clock clock;
    private final Duration attemptDuration;
    private final Duration chargeMargin;

    PaymentCharging(Payments payments, ProviderSettlement settlement, PaymentEvents events, PaymentMetrics metrics,
            PlatformTransactionManager transactionManager, Clock clock, PaymentProperties properties) {
        this.payments = payments;
        this.settlement = settlement;
        this.events = events;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactionManager);
        this.metrics = metrics;
        this.clock = clock;
        this.attemptDuration = properties.attemptDuration();
        this.chargeMargin = properties.chargeMargin();
    }

    /** @throws dev.kaimono.payment.domain.PaymentRuleViolationException for a non-positive amount or no payment method */
    public void charge(ChargeOrder command) {
        Claim claim = separately.execute(status -> claim(command));
        switch (claim) {
            case Claim.Attempt attempt -> settlement.settle(attempt.payment());
            case Claim.Settled settled -> joined.executeWithoutResult(status -> events.publish(settled.outcome()));
            case Claim.UnderWay _ ->
                    log.debug("The charge of order {} is under way; its attempt publishes the outcome", command.orderId());
            case Claim.TooLate _ -> {
                // No reply: the saga has moved on (a later attempt, or the order is cancelled), and a failure reply
                // would cancel an order whose later attempt may still succeed.
                log.warn("Refused to charge order {}: the command came after its deadline {} (less than {} before it)",
                        command.orderId(), command.chargeBy(), chargeMargin);
                metrics.countExpired();
            }
        }
    }

    private Claim claim(ChargeOrder command) {
        Instant now = clock.instant();
        boolean tooLate = command.chargeBy() != null && now.plus(chargeMargin).isAfter(command.chargeBy());
        if (tooLate) {
            // Whatever an earlier attempt recorded is still restated; only a new charge is refused.
            return payments.lockByOrderId(command.orderId()).flatMap(Payment::chargeOutcome)
                    .<Claim>map(Claim.Settled::new).orElseGet(Claim.TooLate::new);
        }
        Payment requested = Payment.request(PaymentId.random(), command.orderId(), command.customerId(), command.amount(),
                command.paymentMethod(), now, attemptDuration);
        if (payments.addIfAbsent(requested)) {
            return new Claim.Attempt(requested);
        }
        Payment existing = payments.lockByOrderId(command.orderId()).orElseThrow();
        Optional<PaymentEvent> outcome = existing.chargeOutcome();
        if (outcome.isPresent()) {
            return new Claim.Settled(outcome.get());
        }
        if (existing.beginProviderAttempt(now, attemptDuration)) {
            payments.update(existing);
            return new Claim.Attempt(existing);
        }
        return new Claim.UnderWay();
    }

    /** What a charge request found. */
    private sealed interface Claim {

        /** This request asks the provider. */
        record Attempt(Payment payment) implements Claim {
        }

        /** The charge has its answer already. */
        record Settled(PaymentEvent outcome) implements Claim {
        }

        /** Another request is asking the provider right now. */
        record UnderWay() implements Claim {
        }

        /** Nothing was charged yet, and the command came too late to start a charge. */
        record TooLate() implements Claim {
        }
    }
}
