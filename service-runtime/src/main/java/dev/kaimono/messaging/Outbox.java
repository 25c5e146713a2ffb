package dev.kaimono.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.runtime.AfterCommit;

/**
 * The transactional outbox: {@link #publish} stores a message in the caller's database transaction,
 * next to the state change that caused it. The {@link OutboxRelay} sends it after the commit; a
 * rolled-back transaction leaves nothing to send.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final MessageCodec codec;
    private final String source;
    private final Clock clock;
    private final TraceContextHeaders traceContext;
    private final Runnable afterCommit;

    Outbox(JdbcClient jdbc, MessageCodec codec, String source, Clock clock, TraceContextHeaders traceContext,
            Runnable afterCommit) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.source = source;
        this.clock = clock;
        this.traceContext = traceContext;
        this.afterCommit = afterCommit;
    }

    /**
     * Stores a message for publication. Must run inside a transaction: the message is part of it.
     *
     * @return the envelope that will be published
     */
    public <T> EventEnvelope publish(MessageType<T> type, String aggregateId, T payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs a transaction: the message must commit with "
                    + "the state change that caused it (" + type.name() + ")");
        }
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        EventEnvelope cause = MessageContext.current().orElse(null);
        EventEnvelope envelope = new EventEnvelope(eventId, type.name(), type.version(), now, source, aggregateId,
                MessageContext.correlationIdFor(eventId), cause == null ? null : cause.eventId(),
                codec.toData(payload));
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, event_type, exchange, routing_key, aggregate_id, body, headers, created_at)
                VALUES (:eventId, :eventType, :exchange, :routingKey, :aggregateId, :body, :headers, :createdAt)""")
                .param("eventId", eventId)
                .param("eventType", type.name())
                .param("exchange", Topology.exchangeFor(type))
                .param("routingKey", type.name())
                .param("aggregateId", aggregateId)
                .param("body", new String(codec.encode(envelope), java.nio.charset.StandardCharsets.UTF_8))
                .param("headers", StoredHeaders.toJson(traceContext.current()))
                .param("createdAt", Timestamp.from(now))
                .update();
        AfterCommit.run(afterCommit);
        return envelope;
    }

    /** Deletes events published before {@code cutoff}; unpublished ones stay whatever their age. */
    public int forgetPublishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox_event WHERE published_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }
}
