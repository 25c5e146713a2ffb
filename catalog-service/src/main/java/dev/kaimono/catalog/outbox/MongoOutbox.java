package dev.kaimono.catalog.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.MessageContext;
import dev.kaimono.messaging.Topology;
import dev.kaimono.messaging.TraceContextHeaders;

/**
 * The outbox for MongoDB documents. {@link #entry} builds the envelope of an event (the same fields as
 * the JDBC {@code Outbox}); the caller appends it to the {@link PendingEvent#FIELD} array of the document
 * it changes <em>in the same single-document write</em>, so the change and its events are stored
 * together or not at all. After a successful write the caller calls {@link #stored()}, and the
 * {@code MongoOutboxRelay} publishes the entries.
 */
public class MongoOutbox {

    private final MessageCodec codec;
    private final String source;
    private final Clock clock;
    private final TraceContextHeaders traceContext;
    private final Runnable afterWrite;

    MongoOutbox(MessageCodec codec, String source, Clock clock, TraceContextHeaders traceContext, Runnable afterWrite) {
        this.codec = codec;
        this.source = source;
        this.clock = clock;
        this.traceContext = traceContext;
        this.afterWrite = afterWrite;
    }

    /** The envelope of one event, ready to be appended to the changed document. */
    public <T> PendingEvent entry(MessageType<T> type, String aggregateId, T payload) {
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope cause = MessageContext.current().orElse(null);
        EventEnvelope envelope = new EventEnvelope(eventId, type.name(), type.version(), now, source, aggregateId,
                MessageContext.correlationIdFor(eventId), cause == null ? null : cause.eventId(),
                codec.toData(payload));
        return new PendingEvent(eventId.toString(), type.name(), Topology.exchangeFor(type), type.name(),
                new String(codec.encode(envelope), StandardCharsets.UTF_8), traceContext.current(), now);
    }

    /** Tells the relay that a write with pending events succeeded. */
    public void stored() {
        afterWrite.run();
    }
}
