package dev.kaimono.user.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * An opaque refresh token: 256 random bits handed to the client, only their SHA-256 hash stored. Each
 * belongs to a family (one login, whose time every token of the family carries). Issued unused; used
 * once, when it is rotated into the next token of its family; revoked with its whole family on logout or
 * when a used token comes back.
 */
@Entity
class RefreshToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue
    private UUID id;
    private UUID accountId;
    private UUID familyId;
    private Instant familyStartedAt;
    private String tokenHash;
    private Instant issuedAt;
    private Instant expiresAt;
    private Instant usedAt;
    private Instant revokedAt;

    /** For JPA, which sets the fields from a row. */
    protected RefreshToken() {
    }

    private RefreshToken(UUID accountId, UUID familyId, Instant familyStartedAt, String tokenHash, Instant issuedAt,
            Instant expiresAt) {
        this.accountId = accountId;
        this.familyId = familyId;
        this.familyStartedAt = familyStartedAt;
        this.tokenHash = tokenHash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** A new token of the given family, and the value only the client keeps. */
    record Issued(RefreshToken token, String value) {
    }

    static Issued issue(UUID accountId, UUID familyId, Instant familyStartedAt, Instant now, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued(new RefreshToken(accountId, familyId, familyStartedAt, hash(value), now, expiresAt), value);
    }

    /** What is stored of a token's value, and looked up by. */
    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    void markUsed(Instant now) {
        usedAt = now;
    }

    UUID accountId() {
        return accountId;
    }

    UUID familyId() {
        return familyId;
    }

    Instant familyStartedAt() {
        return familyStartedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean used() {
        return usedAt != null;
    }

    boolean revoked() {
        return revokedAt != null;
    }
}
