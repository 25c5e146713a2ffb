package dev.kaimono.messaging;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Settings of the messaging plumbing ({@code kaimono.messaging.*}).
 *
 * @param quorumQueues declare consumer queues as quorum queues (replicated; RabbitMQ 3.8+)
 * @param relay the outbox relay
 * @param consumer retries of consumers before a message goes to its dead-letter queue
 */
@ConfigurationProperties("kaimono.messaging")
public record MessagingProperties(
        @DefaultValue("true") boolean quorumQueues,
        @DefaultValue Relay relay,
        @DefaultValue Consumer consumer) {

    /**
     * @param enabled whether this instance runs the relay
     * @param batchSize events published per round trip of confirms
     * @param pollInterval how often the outbox is checked when nothing nudges the relay
     * @param confirmTimeout how long to wait for the broker's confirms of a batch
     * @param maxBackoff longest pause between attempts while the broker is unreachable
     * @param retention how long published events stay in the outbox table
     * @param lease how long the relay lease lasts without renewal: another instance takes over this long after
     *        the relaying one stopped without giving it up (a kill); more than 1.5 times the confirm timeout
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") int batchSize,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("5s") Duration confirmTimeout,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("1h") Duration retention,
            @DefaultValue("15s") Duration lease) {

        public Relay {
            // A holder trusts its lease for a third of the term and may then publish for up to the confirm timeout.
            if (lease.dividedBy(3).plus(confirmTimeout).compareTo(lease) >= 0) {
                throw new IllegalArgumentException("kaimono.messaging.relay.lease (" + lease
                        + ") must exceed 1.5 times kaimono.messaging.relay.confirm-timeout (" + confirmTimeout + ")");
            }
        }
    }

    /**
     * @param maxAttempts deliveries of one message, the first included, before it is dead-lettered
     * @param initialInterval pause before the first retry
     * @param multiplier growth of the pause between retries
     * @param maxInterval longest pause between retries
     * @param prefetch messages a consumer holds unacknowledged
     * @param inboxRetention how long the inbox remembers an applied message (longer than any dead letter
     *        waits to be replayed: a message replayed after it is forgotten is applied again)
     * @param inboxCleanupInterval how often forgotten deliveries are deleted
     * @param concurrency consumers per queue, by queue name ({@code kaimono.messaging.consumer.concurrency.[<queue>]});
     *        a queue not named here has one consumer, which keeps its messages in order. Only a queue whose
     *        messages may be handled in any order gets more (commands each idempotent per order, sent one step at
     *        a time by the saga).
     */
    public record Consumer(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("3.0") double multiplier,
            @DefaultValue("5s") Duration maxInterval,
            @DefaultValue("20") int prefetch,
            @DefaultValue("14d") Duration inboxRetention,
            @DefaultValue("1h") Duration inboxCleanupInterval,
            Map<String, Integer> concurrency) {

        public Consumer {
            concurrency = concurrency == null ? Map.of() : Map.copyOf(concurrency);
            concurrency.forEach((queue, consumers) -> {
                if (consumers < 1) {
                    throw new IllegalArgumentException("kaimono.messaging.consumer.concurrency." + queue
                            + " must be at least 1, not " + consumers);
                }
            });
        }

        /** How many consumers the queue gets. */
        public int consumersOf(String queue) {
            return concurrency.getOrDefault(queue, 1);
        }

        /** The pauses of a delivery waiting for its database: the retries' pauses, for as long as it takes. */
        public BackOff outageBackOff() {
            ExponentialBackOff pauses = new ExponentialBackOff(initialInterval.toMillis(), multiplier);
            pauses.setMaxInterval(maxInterval.toMillis());
            return pauses;
        }
    }
}
