package dev.kaimono.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kaimono.runtime.Batches;

/** The inbox in the service's PostgreSQL database ({@code inbox_event}), written in the consumer's transaction. */
final class JdbcInbox implements Inbox {

    static final int FORGET_BATCH = 1000;

    private final JdbcClient jdbc;

    JdbcInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstDelivery(String consumer, UUID eventId) {
        return jdbc.sql("INSERT INTO inbox_event (consumer, event_id) VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING")
                .param("consumer", consumer)
                .param("eventId", eventId)
                .update() == 1;
    }

    @Override
    public boolean applied(String consumer, UUID eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM inbox_event WHERE consumer = :consumer AND event_id = :eventId)")
                .param("consumer", consumer)
                .param("eventId", eventId)
                .query(Boolean.class).single();
    }

    /** Forgets in batches of {@value #FORGET_BATCH}: short statements, no long lock. */
    @Override
    public int forgetBefore(Instant cutoff) {
        return Batches.repeatWhileFull(FORGET_BATCH, () -> jdbc.sql("""
                DELETE FROM inbox_event WHERE ctid IN (
                    SELECT ctid FROM inbox_event WHERE received_at < :cutoff LIMIT :limit)""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", FORGET_BATCH)
                .update());
    }
}
