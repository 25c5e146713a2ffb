package dev.kaimono.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.runtime.StoreOutages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Handles one delivery: in one database transaction, records the event id in the inbox (skipping
 * a redelivery) and applies the handler. A failure rolls both back, so the retry starts clean. A handler
 * registered with {@link MessageHandlers#onIdempotent} runs outside that transaction instead, and the delivery
 * is recorded after it.
 *
 * <p>While the database is out of reach ({@link StoreOutages}) the delivery waits for it, backing off, for as long as
 * the outage lasts: nothing is wrong with the message, so it is neither dead-lettered nor counted against its
 * attempts. Only when the container stops during an outage does the failure go on (and the message back to the queue).
 */
final class InboxMessageListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(InboxMessageListener.class);

    private final MessageHandlers handlers;
    private final MessageCodec codec;
    private final Inbox inbox;
    private final TransactionOperations transactions;
    private final MeterRegistry meters;
    private final BackOff outageBackOff;
    private final Counter outageWaits;
    private volatile boolean stopped;

    InboxMessageListener(MessageHandlers handlers, MessageCodec codec, Inbox inbox, TransactionOperations transactions,
            MeterRegistry meters, BackOff outageBackOff) {
        this.handlers = handlers;
        this.codec = codec;
        this.inbox = inbox;
        this.transactions = transactions;
        this.meters = meters;
        this.outageBackOff = outageBackOff;
        this.outageWaits = Counter.builder("kaimono.inbox.store.waits")
                .description("Pauses of a delivery waiting for the database to come back")
                .tag("queue", handlers.queueName())
                .register(meters);
    }

    /** Ends any waiting for the database: the deliveries waiting fail and go back to the queue. */
    void stop() {
        stopped = true;
    }

    void start() {
        stopped = false;
    }

    @Override
    public void onMessage(Message message) {
        EventEnvelope envelope = codec.decode(message.getBody());
        BackOffExecution pauses = null;
        while (true) {
            try {
                handle(envelope);
                return;
            } catch (RuntimeException failure) {
                if (stopped || !StoreOutages.causedBy(failure)) {
                    throw failure;
                }
                if (pauses == null) {
                    pauses = outageBackOff.start();
                    log.warn("{} waits for its database before applying {} {}: {}", handlers.queueName(),
                            envelope.eventType(), envelope.eventId(), failure.toString());
                }
                pause(pauses.nextBackOff(), failure);
            }
        }
    }

    private void pause(long millis, RuntimeException failure) {
        outageWaits.increment();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private void handle(EventEnvelope envelope) {
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
