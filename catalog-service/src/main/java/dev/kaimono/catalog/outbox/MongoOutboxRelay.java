package dev.kaimono.catalog.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ArrayOperators;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.kaimono.messaging.MessagingProperties;
import dev.kaimono.messaging.OutboxPublisher;
import dev.kaimono.runtime.PeriodicWorker;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the {@link PendingEvent}s of its collections (products, reviews), each collection's oldest first and each
 * document's in array order, on one channel with publisher confirms, and only after the broker confirmed them removes
 * exactly those entries ({@code $pull} by event id), leaving entries appended meanwhile in place. Events of different
 * documents have no order among them, so the collections take turns.
 *
 * <p>Runs on a {@link PeriodicWorker}, woken after each write and every poll interval otherwise. Only the
 * instance holding the {@link RelayLease} publishes, so several catalog instances never publish the same
 * events concurrently nor out of order. Dying between confirm and removal publishes the events again
 * (consumers' inboxes drop duplicates); while the broker is unreachable the events stay and the relay
 * retries with back-off, logging the outage once.
 */
class MongoOutboxRelay implements SmartLifecycle {

    private static final String STORED_AT = PendingEvent.FIELD + ".storedAt";

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final OutboxPublisher publisher;
    private final RelayLease lease;
    private final MessagingProperties.Relay settings;
    private final PeriodicWorker worker;
    private volatile boolean leading;

    MongoOutboxRelay(MongoTemplate mongo, List<String> collections, RabbitTemplate rabbit, RelayLease lease,
            MessagingProperties.Relay settings, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
        this.lease = lease;
        this.settings = settings;
        this.publisher = new OutboxPublisher(rabbit, settings.confirmTimeout(), clock, meters);
        this.worker = PeriodicWorker.named("catalog-outbox-relay")
                .every(settings.pollInterval())
                .againWhenFull(settings.batchSize())
                .backoffUpTo(settings.maxBackoff())
                .phase(SmartLifecycle.DEFAULT_PHASE - 4096)
                .onStop(this::releaseLease)
                .task(this::publishBatch);
    }

    /** Wakes the relay, e.g. after a write that stored events. */
    void nudge() {
        worker.nudge();
    }

    /**
     * Publishes one batch if this instance holds the lease.
     *
     * @return how many events the broker confirmed (a full batch of documents holds at least as many events as
     *         the batch size, so the worker runs again at once while documents are waiting)
     */
    int publishBatch() {
        leading = lease.tryAcquire();
        if (!leading) {
            publisher.backlog(0);
            return 0;
        }
        int published = 0;
        long backlog = 0;
        for (String collection : collections) {
            Batch batch = publishBatch(collection, backlog);
            published += batch.published();
            backlog += batch.left();
        }
        publisher.backlog(backlog);
        return published;
    }

    /**
     * Publishes one collection's oldest pending events, up to the batch size in documents; the backlog shown while
     * it publishes (and after it failed) is what the collections before it left plus what this one holds.
     */
    private Batch publishBatch(String collection, long leftBefore) {
        Query pending = Query.query(where(STORED_AT).gte(Date.from(Instant.EPOCH)))
                .with(Sort.by(STORED_AT))
                .limit(settings.batchSize());
        pending.fields().include(PendingEvent.FIELD);
        List<WithPendingEvents> documents = mongo.find(pending, WithPendingEvents.class, collection);
        List<PendingEvent> batch = documents.stream().flatMap(document -> document.pendingEvents().stream()).toList();
        long waiting = documents.size() < settings.batchSize() ? batch.size() : countPending(collection);
        if (batch.isEmpty()) {
            return new Batch(0, 0);
        }
        publisher.backlog(leftBefore + waiting);
        publisher.publishAndConfirm(batch.stream().map(MongoOutboxRelay::outgoing).toList());
        for (WithPendingEvents document : documents) {
            List<String> eventIds = document.pendingEvents().stream().map(PendingEvent::eventId).toList();
            mongo.updateFirst(Query.query(where("_id").is(document.id())),
                    new Update().pull(PendingEvent.FIELD, new Document("eventId", new Document("$in", eventIds))), collection);
        }
        return new Batch(batch.size(), waiting - batch.size());
    }

    /** What one collection's batch published, and how many events it left waiting. */
    private record Batch(int published, long left) {
    }

    /** Whether the last attempt to publish failed (the broker was unreachable or did not confirm). */
    boolean isFailing() {
        return worker.isFailing();
    }

    private long countPending(String collection) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(where(STORED_AT).gte(Date.from(Instant.EPOCH))),
                Aggregation.group().sum(ArrayOperators.Size.lengthOfArray(PendingEvent.FIELD)).as("events"));
        Document result = mongo.aggregate(count, collection, Document.class).getUniqueMappedResult();
        return result == null ? 0 : ((Number) result.get("events")).longValue();
    }

    private static OutboxPublisher.Outgoing outgoing(PendingEvent event) {
        return new OutboxPublisher.Outgoing(event.eventId(), event.eventType(), event.exchange(), event.routingKey(),
                event.body(), event.headers(), event.storedAt());
    }

    /** Lets another instance take over at once instead of after the lease expired. */
    private void releaseLease() {
        if (leading) {
            lease.release();
        }
    }

    @Override
    public void start() {
        worker.start();
    }

    /** Stops after the web server has finished the requests in flight, whose events it may then still publish. */
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

    /** The part of an outbox document the relay reads. */
    record WithPendingEvents(@Id String id, List<PendingEvent> pendingEvents) {
    }
}
