package dev.kaimono.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Handles one delivery: in one database transaction, records the event id in the inbox (skipping
 * a redelivery) and applies the handler. A failure rolls both back, so the retry starts clean. A handler
 * registered with {@link MessageHandlers#onIdempotent} runs outside that transaction instead, and the delivery
 * is recorded after it.
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
        if (handlers.inInboxTransaction(envelope.eventType())) {
            transactions.executeWithoutResult(status -> {
                if (inbox.firstDelivery(handlers.queueName(), envelope.eventId())) {
                    dispatch(envelope);
                } else {
                    skip(envelope);
                }
            });
        } else if (inbox.applied(handlers.queueName(), envelope.eventId())) {
            skip(envelope);
        } else {
            // The handler keeps its own transactions short and is idempotent: no connection is held while it waits.
            dispatch(envelope);
            transactions.executeWithoutResult(status -> inbox.firstDelivery(handlers.queueName(), envelope.eventId()));
        }
        meters.counter("kaimono.inbox.handled", "queue", handlers.queueName(), "type", envelope.eventType()).increment();
    }

    private void dispatch(EventEnvelope envelope) {
        MessageContext.runWithin(envelope, () -> {
            if (!handlers.dispatch(envelope, codec)) {
                log.debug("{} ignores {}: no handler", handlers.queueName(), envelope.eventType());
            }
        });
    }

    private void skip(EventEnvelope envelope) {
        log.debug("{} skips {} {}: already applied", handlers.queueName(), envelope.eventType(), envelope.eventId());
        meters.counter("kaimono.inbox.duplicates", "queue", handlers.queueName()).increment();
    }
}
