package dev.kaimono.user.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Opaque refresh tokens: 256 random bits handed to the client, only their SHA-256 hash stored. Each
 * belongs to a family (one login, whose time every token of the family carries); rotation issues the
 * next token of the same family, logout and reuse revoke the whole family.
 */
@Repository
class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored token, looked up and locked for the rest of the transaction. */
    record StoredToken(UUID id, UUID accountId, UUID familyId, Instant familyStartedAt, Instant expiresAt,
            Instant usedAt, Instant revokedAt) {
    }

    /** Creates a token of the given family and returns the value the client keeps. */
    String issue(UUID accountId, UUID familyId, Instant familyStartedAt, Instant now, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                INSERT INTO refresh_token (id, account_id, family_id, family_started_at, token_hash, issued_at, expires_at)
                VALUES (:id, :accountId, :familyId, :familyStartedAt, :hash, :issuedAt, :expiresAt)""")
                .param("id", UUID.randomUUID())
                .param("accountId", accountId)
                .param("familyId", familyId)
                .param("familyStartedAt", Timestamp.from(familyStartedAt))
                .param("hash", hash(value))
                .param("issuedAt", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
        return value;
    }

    Optional<StoredToken> lockByValue(String value) {
        return jdbc.sql("""
                SELECT id, account_id, family_id, family_started_at, expires_at, used_at, revoked_at
                FROM refresh_token WHERE token_hash = :hash FOR UPDATE""")
                .param("hash", hash(value))
                .query((row, n) -> new StoredToken(row.getObject("id", UUID.class), row.getObject("account_id", UUID.class),
                        row.getObject("family_id", UUID.class), row.getTimestamp("family_started_at").toInstant(),
                        row.getTimestamp("expires_at").toInstant(),
                        instant(row.getTimestamp("used_at")), instant(row.getTimestamp("revoked_at"))))
                .optional();
    }

    void markUsed(UUID id, Instant now) {
        jdbc.sql("UPDATE refresh_token SET used_at = :now WHERE id = :id")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    void revokeFamily(UUID familyId, Instant now) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("family", familyId).param("now", Timestamp.from(now)).update();
    }

    int deleteExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM refresh_token WHERE expires_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
