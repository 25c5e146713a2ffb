package dev.kaimono.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kaimono.runtime.Batches;

/**
 * The idempotent inbox: records that a consumer applied a message, in the consumer's own transaction,
 * so a redelivered message is recognised and skipped.
 */
public class Inbox {

    static final int FORGET_BATCH = 1000;

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this consumer sees the message; false for a redelivery. */
    boolean firstDelivery(String consumer, UUID eventId) {
        return jdbc.sql("INSERT INTO inbox_event (consumer, event_id) VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING")
                .param("consumer", consumer)
                .param("eventId", eventId)
                .update() == 1;
    }

    /** True when this consumer has recorded the message already (read outside any consumer transaction). */
    boolean applied(String consumer, UUID eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM inbox_event WHERE consumer = :consumer AND event_id = :eventId)")
                .param("consumer", consumer)
                .param("eventId", eventId)
                .query(Boolean.class).single();
    }

    /**
     * Forgets the deliveries recorded before {@code cutoff}, in batches of {@value #FORGET_BATCH} (short
     * statements, no long lock). A message redelivered after that would be applied again, so the retention
     * must outlast any redelivery, dead letters included. Several instances may do this at once.
     *
     * @return how many were forgotten
     */
    public int forgetBefore(Instant cutoff) {
        return Batches.repeatWhileFull(FORGET_BATCH, () -> jdbc.sql("""
                DELETE FROM inbox_event WHERE ctid IN (
                    SELECT ctid FROM inbox_event WHERE received_at < :cutoff LIMIT :limit)""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", FORGET_BATCH)
                .update());
    }
}
