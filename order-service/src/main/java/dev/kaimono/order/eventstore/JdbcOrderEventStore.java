package dev.kaimono.order.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kaimono.order.application.ConcurrencyConflictException;
import dev.kaimono.order.application.EventStream;
import dev.kaimono.order.application.OrderEventStore;
import dev.kaimono.order.application.RecordedEvent;
import dev.kaimono.order.domain.OrderEvent;
import dev.kaimono.order.domain.OrderId;

/**
 * {@link OrderEventStore} on the {@code order_event} table. Appending inserts version
 * {@code expected + 1, expected + 2, …}; if another transaction inserted any of those first, the unique
 * constraint {@code (aggregate_id, version)} refuses the insert (waiting for that transaction to end if it
 * is still open), which is reported as a {@link ConcurrencyConflictException}.
 */
@Repository
class JdbcOrderEventStore implements OrderEventStore {

    private final JdbcClient jdbc;
    private final StoredEvents stored = new StoredEvents();

    JdbcOrderEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EventStream load(OrderId orderId) {
        List<RecordedEvent> events = jdbc.sql("""
                SELECT global_position, version, event_type, schema_version, payload, occurred_at
                FROM order_event WHERE aggregate_id = :id ORDER BY version""")
                .param("id", orderId.value())
                .query((row, n) -> recorded(row))
                .list();
        return new EventStream(orderId, events);
    }

    @Override
    public void append(OrderId orderId, long expectedVersion, List<OrderEvent> events) {
        long version = expectedVersion;
        for (OrderEvent event : events) {
            if (!event.orderId().equals(orderId)) {
                throw new IllegalArgumentException("An event of order %s in the stream of %s".formatted(event.orderId(), orderId));
            }
            version++;
            StoredEvents.Stored form = stored.encode(event);
            try {
                jdbc.sql("""
                        INSERT INTO order_event (aggregate_id, version, event_type, schema_version, payload, occurred_at)
                        VALUES (:id, :version, :type, :schema, :payload, :occurredAt)""")
                        .param("id", orderId.value())
                        .param("version", version)
                        .param("type", form.type())
                        .param("schema", StoredEvents.SCHEMA_VERSION)
                        .param("payload", form.payload())
                        .param("occurredAt", Timestamp.from(event.occurredAt()))
                        .update();
            } catch (DuplicateKeyException taken) {
                throw new ConcurrencyConflictException(orderId, expectedVersion, taken);
            }
        }
    }

    @Override
    public long version(OrderId orderId) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM order_event WHERE aggregate_id = :id")
                .param("id", orderId.value()).query(Long.class).single();
    }

    private RecordedEvent recorded(ResultSet row) throws SQLException {
        var occurredAt = row.getObject("occurred_at", OffsetDateTime.class).toInstant();
        String type = row.getString("event_type");
        String payload = row.getString("payload");
        return new RecordedEvent(row.getLong("global_position"), row.getLong("version"), type,
                stored.decode(type, row.getInt("schema_version"), payload, occurredAt), payload, occurredAt);
    }
}
