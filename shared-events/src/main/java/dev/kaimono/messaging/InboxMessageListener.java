package dev.kaimono.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Handles one delivery: in one database transaction, records the event id in the inbox (skipping
 * a redelivery) and applies the handler. A failure rolls both back, so the retry starts clean.
 */
final class InboxMessageListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(InboxMessageListener.class);

    private final MessageHandlers handlers;
    private final MessageCodec codec;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    InboxMessageListener(MessageHandlers handlers, MessageCodec codec, Inbox inbox, TransactionTemplate transactions,
            MeterRegistry meters) {
        this.handlers = handlers;
        this.codec = codec;
        this.inbox = inbox;
        this.transactions = transactions;
        this.meters = meters;
    }

    @Override
    public void onMessage(Message message) {
        EventEnvelope envelope = codec.decode(message.getBody());
        transactions.executeWithoutResult(status -> {
            if (!inbox.firstDelivery(handlers.queueName(), envelope.eventId())) {
                log.debug("{} skips {} {}: already applied", handlers.queueName(), envelope.eventType(), envelope.eventId());
                meters.counter("kaimono.inbox.duplicates", "queue", handlers.queueName()).increment();
                return;
            }
            MessageContext.runWithin(envelope, () -> {
                if (!handlers.dispatch(envelope, codec)) {
                    log.debug("{} ignores {}: no handler", handlers.queueName(), envelope.eventType());
                }
            });
        });
        meters.counter("kaimono.inbox.handled", "queue", handlers.queueName(), "type", envelope.eventType()).increment();
    }
}
