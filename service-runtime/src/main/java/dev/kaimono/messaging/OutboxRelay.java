package dev.kaimono.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kaimono.runtime.PeriodicWorker;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes what the {@link Outbox} stored, in the order it was stored, and marks an event sent only after the
 * broker confirmed it. It runs on a {@link PeriodicWorker}: woken after every commit that stored events, again at
 * once after a full batch, every poll interval otherwise, with back-off while the broker is unreachable.
 *
 * <p>No transaction is open while it waits for confirms: reading a batch and marking it sent are two short
 * statements. Only the instance holding the {@link RelayLease} publishes, so several instances never publish the
 * same rows concurrently. A relay that dies after publishing and before marking leaves the rows unsent: they are
 * published again, and consumers' inboxes drop the duplicates. Nothing is lost while the broker is down.
 */
public class OutboxRelay implements SmartLifecycle {

    private final JdbcClient jdbc;
    private final OutboxPublisher publisher;
    private final RelayLease lease;
    private final MessagingProperties.Relay settings;
    private final Clock clock;
    private final PeriodicWorker worker;

    OutboxRelay(JdbcClient jdbc, RabbitTemplate rabbit, MessagingProperties.Relay settings,
            String owner, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.publisher = new OutboxPublisher(rabbit, settings.confirmTimeout(), clock, meters);
        this.lease = new RelayLease(jdbc, "outbox-relay", owner, settings.lease(), clock);
        this.worker = PeriodicWorker.named("outbox-relay")
                .every(settings.pollInterval())
                .againWhenFull(settings.batchSize())
                .backoffUpTo(settings.maxBackoff())
                .phase(SmartLifecycle.DEFAULT_PHASE - 4096)
                .onStop(lease::release)
                .task(this::publishBatch);
    }

    /** Wakes the relay, e.g. after a transaction that stored events committed. */
    public void nudge() {
        worker.nudge();
    }

    /**
     * Publishes one batch if this instance holds the relay lease.
     *
     * @return how many events the broker confirmed
     */
    public int publishBatch() {
        if (!lease.holds()) {
            publisher.backlog(0);
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
        // Counted only when a full batch says there may be more: otherwise the batch is the whole backlog.
        publisher.backlog(batch.size() < settings.batchSize() ? batch.size() : countUnpublished());
        if (batch.isEmpty()) {
            return 0;
        }
        publisher.publishAndConfirm(batch.stream().map(this::outgoing).toList());
        jdbc.sql("UPDATE outbox_event SET published_at = :now, attempts = attempts + 1 WHERE id IN (:ids)")
                .param("now", Timestamp.from(clock.instant()))
                .param("ids", batch.stream().map(Pending::id).toList())
                .update();
        publisher.backlog(Math.max(0, publisher.backlog() - batch.size()));
        return batch.size();
    }

    /** Whether the last attempt to publish failed (the broker was unreachable or did not confirm). */
    public boolean isFailing() {
        return worker.isFailing();
    }

    private long countUnpublished() {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
    }

    private OutboxPublisher.Outgoing outgoing(Pending event) {
        return new OutboxPublisher.Outgoing(event.eventId().toString(), event.eventType(), event.exchange(),
                event.routingKey(), event.body(), StoredHeaders.fromJson(event.headers()), event.createdAt());
    }

    @Override
    public void start() {
        worker.start();
    }

    /** Stops after the web server finished the requests in flight, whose events it then still publishes. */
    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    @Override
    public int getPhase() {
        return worker.getPhase();
    }

    private record Pending(long id, UUID eventId, String eventType, String exchange, String routingKey, String body,
            String headers, Instant createdAt) {
    }
}
