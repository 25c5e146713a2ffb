package dev.kaimono.payment.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.ProcessPayment;
import dev.kaimono.events.RefundPayment;
import dev.kaimono.events.wire.MalformedMessageException;
import dev.kaimono.messaging.MessageHandlers;
import dev.kaimono.payment.application.PaymentCharging;
import dev.kaimono.payment.application.PaymentProperties;
import dev.kaimono.payment.application.PaymentRefunding;
import dev.kaimono.payment.domain.OrderId;
import dev.kaimono.payment.domain.PaymentRuleViolationException;

/**
 * What payment-service consumes: the saga's process-payment and refund-payment commands, and
 * {@code order.cancelled}, which refunds a confirmed order's payment (the shopper cancelled it; an unconfirmed
 * order's payment failed or is refunded by the saga). Charging and refunding are idempotent per order by
 * themselves (claim, ask the provider, settle, each step its own short transaction), so they run outside the
 * inbox transaction: no database connection is held while the provider answers, and several consumers work
 * at once ({@code kaimono.messaging.consumer.concurrency}). The inbox still skips a delivery it has recorded.
 */
@Configuration(proxyBeanMethods = false)
class PaymentMessageHandlers {

    static final String COMMANDS = "payment-service.commands";
    static final String EVENTS = "payment-service.events";

    @Bean
    MessageHandlers paymentCommands(PaymentCharging charging, PaymentRefunding refunding, PaymentProperties properties) {
        SagaPatience patience = new SagaPatience(properties.chargeMargin());
        return MessageHandlers.queue(COMMANDS)
                .onIdempotent(ProcessPayment.TYPE, (command, envelope) -> {
                    patience.check(command, envelope);
                    obeyingPaymentRules(() -> charging.charge(Contracts.toChargeOrder(command)));
                })
                .onIdempotent(RefundPayment.TYPE, (command, envelope) -> obeyingPaymentRules(() ->
                        refunding.refund(new OrderId(command.orderId()), Contracts.toMoney(command.amount()))));
    }

    @Bean
    MessageHandlers paymentEvents(PaymentRefunding refunding) {
        return MessageHandlers.queue(EVENTS)
                .onIdempotent(OrderCancelled.TYPE, (event, envelope) -> {
                    if (event.wasConfirmed()) {
                        refunding.refundInFull(new OrderId(event.orderId()));
                    }
                });
    }

    /** A message that breaks a payment rule fails the same way every time: it goes to the dead-letter queue at once. */
    private static void obeyingPaymentRules(Runnable handling) {
        try {
            handling.run();
        } catch (PaymentRuleViolationException e) {
            throw new MalformedMessageException(e.getMessage(), e);
        }
    }
}
