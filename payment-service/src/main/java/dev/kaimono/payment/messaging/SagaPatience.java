package dev.kaimono.payment.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kaimono.events.ProcessPayment;
import dev.kaimono.events.wire.EventEnvelope;

/**
 * Says once, as an error, when order-service's saga gives a charge no more time than payment-service needs to finish
 * one: every such command is refused as too late and its order cancelled, and the two settings live in different
 * services, so nothing else would tell (ADR 0020).
 */
final class SagaPatience {

    private static final Logger log = LoggerFactory.getLogger(SagaPatience.class);

    private final Duration chargeMargin;
    private final AtomicBoolean said = new AtomicBoolean();

    SagaPatience(Duration chargeMargin) {
        this.chargeMargin = chargeMargin;
    }

    void check(ProcessPayment command, EventEnvelope envelope) {
        if (leavesNoTimeToCharge(envelope.occurredAt(), command.chargeBy(), chargeMargin) && said.compareAndSet(false, true)) {
            log.error("The saga gives a charge {} (process-payment sent at {}, charge by {}), no more than this service's "
                    + "charge margin {}: every charge will be refused as too late and every order cancelled. Raise "
                    + "order-service's KAIMONO_ORDER_SAGA_PAYMENT_TIMEOUT well above {}, or lower kaimono.payment.charge-margin.",
                    Duration.between(envelope.occurredAt(), command.chargeBy()), envelope.occurredAt(), command.chargeBy(),
                    chargeMargin, chargeMargin);
        }
    }

    /** Whether a command sent at {@code sentAt} with that deadline could never start a charge, even delivered at once. */
    static boolean leavesNoTimeToCharge(Instant sentAt, Instant chargeBy, Duration chargeMargin) {
        return chargeBy != null && !Duration.between(sentAt, chargeBy).minus(chargeMargin).isPositive();
    }
}
