package dev.kaimono.user.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link LoginAttempts} of every email, in PostgreSQL so that all instances count together. Emails
 * are normalised (trimmed, lower case) and stored only as SHA-256 hashes.
 */
@Repository
class LoginThrottle {

    private final JdbcClient jdbc;
    private final LoginBackoffProperties backoff;

    LoginThrottle(JdbcClient jdbc, LoginBackoffProperties backoff) {
        this.jdbc = jdbc;
        this.backoff = backoff;
    }

    /**
     * Counts a login attempt for the email, or refuses it while the email is locked.
     *
     * @return how long the caller must wait: zero when the attempt is admitted
     */
    @Transactional
    Duration attempt(String email, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS); // as PostgreSQL stores it, so a lockout reads back exactly
        String key = key(email);
        jdbc.sql("""
                INSERT INTO login_attempts (email_hash, attempts, last_attempt_at) VALUES (:key, 0, :now)
                ON CONFLICT (email_hash) DO NOTHING""")
                .param("key", key).param("now", Timestamp.from(now)).update();
        LoginAttempts current = jdbc.sql("""
                SELECT attempts, last_attempt_at, locked_until FROM login_attempts WHERE email_hash = :key FOR UPDATE""")
                .param("key", key)
                .query((row, n) -> new LoginAttempts(row.getInt("attempts"), row.getTimestamp("last_attempt_at").toInstant(),
                        row.getTimestamp("locked_until") == null ? null : row.getTimestamp("locked_until").toInstant()))
                .single();
        Duration locked = current.lockedFor(now);
        if (locked.isPositive()) {
            return locked;
        }
        LoginAttempts next = current.attempt(now, backoff);
        jdbc.sql("""
                UPDATE login_attempts SET attempts = :attempts, last_attempt_at = :lastAttemptAt, locked_until = :lockedUntil
                WHERE email_hash = :key""")
                .param("key", key)
                .param("attempts", next.count())
                .param("lastAttemptAt", Timestamp.from(next.lastAttemptAt()))
                .param("lockedUntil", next.lockedUntil() == null ? null : Timestamp.from(next.lockedUntil()))
                .update();
        return Duration.ZERO;
    }

    /** A successful login: the email starts afresh. */
    void succeeded(String email) {
        jdbc.sql("DELETE FROM login_attempts WHERE email_hash = :key").param("key", key(email)).update();
    }

    /** Forgets emails without attempts since the cutoff; returns how many. */
    int forgetQuietSince(Instant cutoff) {
        return jdbc.sql("DELETE FROM login_attempts WHERE last_attempt_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    private static String key(String email) {
        try {
            byte[] normalised = email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
