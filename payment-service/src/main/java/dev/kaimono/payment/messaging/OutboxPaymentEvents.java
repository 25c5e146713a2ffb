package dev.kaimono.payment.messaging;

import org.springframework.stereotype.Component;

import dev.kaimono.events.PaymentCompleted;
import dev.kaimono.events.PaymentFailed;
import dev.kaimono.events.PaymentRefunded;
import dev.kaimono.messaging.Outbox;
import dev.kaimono.payment.application.PaymentEvents;
import dev.kaimono.payment.domain.PaymentEvent;
import dev.kaimono.payment.domain.PaymentEvent.PaymentCaptured;
import dev.kaimono.payment.domain.PaymentEvent.PaymentDeclined;

/**
 * Publishes payment's integration events ({@code payment.completed}, {@code payment.failed},
 * {@code payment.refunded}) through the transactional outbox, keyed by order: one payment per order, and the
 * order is what the saga follows.
 */
@Component
class OutboxPaymentEvents implements PaymentEvents {

    private final Outbox outbox;

    OutboxPaymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(PaymentEvent event) {
        String orderId = event.orderId().toString();
        switch (event) {
            case PaymentCaptured captured -> outbox.publish(PaymentCompleted.TYPE, orderId, new PaymentCompleted(
                    captured.orderId().value(), captured.paymentId().value(), Contracts.toContract(captured.amount())));
            case PaymentDeclined declined -> outbox.publish(PaymentFailed.TYPE, orderId,
                    new PaymentFailed(declined.orderId().value(), declined.reason()));
            case PaymentEvent.PaymentRefunded refunded -> outbox.publish(PaymentRefunded.TYPE, orderId, new PaymentRefunded(
                    refunded.orderId().value(), refunded.paymentId().value(), Contracts.toContract(refunded.amount())));
        }
    }
}
