package dev.kaimono.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which instance of a service relays its outbox: whoever holds the unexpired row of {@code outbox_relay_lease}.
 * Taking or renewing it is one upsert that only changes the row while it has expired or is already ours, timed
 * by the database's clock so instances' clocks do not matter. A holder renews it once a third of its term has
 * passed, not every batch, and trusts it until then; a publish that starts just before that point still ends
 * well inside the term as long as the term exceeds a third of itself plus the confirm timeout, which
 * {@link MessagingProperties.Relay} checks. Released when the relay stops, so another instance takes over at
 * once instead of after the term.
 */
final class RelayLease {

    private final JdbcClient jdbc;
    private final String name;
    private final String owner;
    private final Duration term;
    private final Clock clock;
    private Instant trustedUntil = Instant.MIN;

    RelayLease(JdbcClient jdbc, String name, String owner, Duration term, Clock clock) {
        this.jdbc = jdbc;
        this.name = name;
        this.owner = owner;
        this.term = term;
        this.clock = clock;
    }

    /** Whether this instance holds the lease, taking or renewing it when it is due. */
    boolean holds() {
        Instant now = clock.instant();
        if (now.isBefore(trustedUntil)) {
            return true;
        }
        boolean taken = jdbc.sql("""
                INSERT INTO outbox_relay_lease (name, owner, locked_until)
                VALUES (:name, :owner, now() + make_interval(secs => :seconds))
                ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, locked_until = EXCLUDED.locked_until
                WHERE outbox_relay_lease.owner = EXCLUDED.owner OR outbox_relay_lease.locked_until < now()
                RETURNING owner""")
                .param("name", name)
                .param("owner", owner)
                .param("seconds", term.toMillis() / 1000.0)
                .query(String.class)
                .optional()
                .isPresent();
        trustedUntil = taken ? now.plus(term.dividedBy(3)) : Instant.MIN;
        return taken;
    }

    /** Gives the lease up, if this instance holds it. */
    void release() {
        trustedUntil = Instant.MIN;
        jdbc.sql("UPDATE outbox_relay_lease SET locked_until = now() - interval '1 second' WHERE name = :name AND owner = :owner")
                .param("name", name)
                .param("owner", owner)
                .update();
    }
}
