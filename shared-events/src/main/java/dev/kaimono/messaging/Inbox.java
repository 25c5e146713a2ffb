package dev.kaimono.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The idempotent inbox: records that a consumer applied a message, in the consumer's own transaction,
 * so a redelivered message is recognised and skipped.
 */
public class Inbox {

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

    /**
     * Forgets up to {@code limit} deliveries recorded before {@code cutoff}; a message redelivered after
     * that would be applied again, so the retention must outlast any redelivery (dead letters included).
     *
     * @return how many were forgotten
     */
    public int forgetBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                DELETE FROM inbox_event WHERE ctid IN (
                    SELECT ctid FROM inbox_event WHERE received_at < :cutoff LIMIT :limit)""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }
}
