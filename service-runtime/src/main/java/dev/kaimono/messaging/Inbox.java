package dev.kaimono.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.kaimono.runtime.PeriodicWorker;

/**
 * The idempotent inbox: records that a consumer applied a message, so a redelivered message is recognised and
 * skipped. Services on PostgreSQL get one written in the consumer's own transaction; a service whose store has no
 * transactions declares its own bean, and its handlers must then be idempotent by themselves
 * ({@link MessageHandlers#onIdempotent}).
 */
public interface Inbox {

    /** True the first time this consumer sees the message; false for a redelivery. */
    boolean firstDelivery(String consumer, UUID eventId);

    /** True when this consumer has recorded the message already (read outside any consumer transaction). */
    boolean applied(String consumer, UUID eventId);

    /**
     * Forgets the deliveries recorded before {@code cutoff}. A message redelivered after that would be applied again,
     * so the retention must outlast any redelivery, dead letters included. Several instances may do this at once.
     *
     * @return how many were forgotten
     */
    int forgetBefore(Instant cutoff);

    /** Forgets, every cleanup interval, what is older than the retention, so the inbox does not grow for ever. */
    static PeriodicWorker retention(Inbox inbox, MessagingProperties.Consumer settings) {
        return PeriodicWorker.named("inbox-retention").every(settings.inboxCleanupInterval())
                .task(() -> inbox.forgetBefore(Clock.systemUTC().instant().minus(settings.inboxRetention())));
    }
}
