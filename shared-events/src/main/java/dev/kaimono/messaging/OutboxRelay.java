package dev.kaimono.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes what the {@link Outbox} stored, in the order it was stored, and marks an event sent only
 * after the broker confirmed it. One relay per service database is active at a time (a PostgreSQL
 * advisory lock held for the batch), so several instances never publish the same rows concurrently.
 *
 * <p>A relay that dies after publishing and before marking leaves the rows unsent: they are published
 * again, and consumers' inboxes drop the duplicates. While the broker is unreachable the relay backs
 * off and keeps the events; nothing is lost.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x4B61696D6F6E6FL; // "Kaimono"

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageCodec codec;
    private final OutboxPublisher publisher;
    private final MessagingProperties.Relay settings;
    private final Clock clock;
    private final Semaphore nudges = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;
    private volatile boolean brokerDown;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, RabbitTemplate rabbit, MessageCodec codec,
            MessagingProperties.Relay settings, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.codec = codec;
        this.settings = settings;
        this.clock = clock;
        this.publisher = new OutboxPublisher(rabbit, settings.confirmTimeout(), clock, meters);
    }

    /** Wakes the relay, e.g. after a transaction that stored events committed. */
    public void nudge() {
        nudges.release();
    }

    /**
     * Publishes one batch if this instance holds the relay lock.
     *
     * @return how many events the broker confirmed
     */
    public int publishBatch() {
        Integer count = transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", ADVISORY_LOCK)
                    .query(Boolean.class).single())) {
                return 0;
            }
            List<Pending> batch = jdbc.sql("""
                    SELECT id, event_id, event_type, exchange, routing_key, body, headers, created_at
                    FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT :limit""")
                    .param("limit", settings.batchSize())
                    .query((row, n) -> new Pending(row.getLong("id"), row.getObject("event_id", UUID.class),
                            row.getString("event_type"), row.getString("exchange"), row.getString("routing_key"),
                            row.getString("body"), row.getString("headers"), row.getTimestamp("created_at").toInstant()))
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            publisher.publishAndConfirm(batch.stream().map(this::outgoing).toList());
            jdbc.sql("UPDATE outbox_event SET published_at = :now, attempts = attempts + 1 WHERE id IN (:ids)")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("ids", batch.stream().map(Pending::id).toList())
                    .update();
            return batch.size();
        });
        return count == null ? 0 : count;
    }

    /** Whether the last attempt to publish failed (the broker was unreachable or did not confirm). */
    public boolean isFailing() {
        return brokerDown;
    }

    /** Removes events published longer ago than the retention. */
    public int deletePublishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox_event WHERE published_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    private OutboxPublisher.Outgoing outgoing(Pending event) {
        return new OutboxPublisher.Outgoing(event.eventId().toString(), event.eventType(), event.exchange(),
                event.routingKey(), event.body(), codec.headersFromJson(event.headers()), event.createdAt());
    }

    private void refreshBacklog() {
        publisher.backlog(jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single());
    }

    private void loop() {
        Duration backoff = settings.pollInterval();
        Instant nextCleanup = clock.instant();
        while (running) {
            try {
                int sent = publishBatch();
                refreshBacklog();
                if (brokerDown) {
                    log.info("Outbox relay publishes again");
                    brokerDown = false;
                }
                backoff = settings.pollInterval();
                if (clock.instant().isAfter(nextCleanup)) {
                    deletePublishedBefore(clock.instant().minus(settings.retention()));
                    nextCleanup = clock.instant().plus(Duration.ofMinutes(1));
                }
                if (sent == settings.batchSize()) {
                    continue;
                }
                nudges.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                nudges.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!brokerDown) {
                    log.warn("Outbox relay cannot publish ({}); events stay in the outbox and are retried", e.getMessage());
                    brokerDown = true;
                }
                try {
                    refreshBacklog();
                } catch (RuntimeException databaseDown) {
                    log.debug("Cannot read the outbox backlog", databaseDown);
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    private void pause(Duration duration) {
        try {
            nudges.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name("outbox-relay").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        nudge();
        Thread thread = worker;
        if (thread != null) {
            try {
                // Let a round in flight finish its JDBC work; interrupting it mid-call would break the connection.
                if (!thread.join(Duration.ofSeconds(10))) {
                    thread.interrupt();
                    thread.join(Duration.ofSeconds(2));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Pending(long id, UUID eventId, String eventType, String exchange, String routingKey, String body,
            String headers, Instant createdAt) {
    }

}
