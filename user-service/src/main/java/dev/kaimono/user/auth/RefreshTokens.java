package dev.kaimono.user.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;

/**
 * The refresh tokens in PostgreSQL, through Spring Data JPA. Its queries are SQL, for the reason given on
 * {@link dev.kaimono.user.account.Accounts}.
 */
interface RefreshTokens extends Repository<RefreshToken, UUID> {

    RefreshToken save(RefreshToken token);

    /**
     * The token with this hash, locked for the rest of the transaction: of two requests with one token, the
     * second waits for the first to commit and then sees the token used.
     */
    @NativeQuery("SELECT * FROM refresh_token WHERE token_hash = :hash FOR UPDATE")
    Optional<RefreshToken> lockByHash(String hash);

    /**
     * Deletes up to {@code batch} tokens that expired before the cutoff. An expired token is refused whatever else is
     * true of it (used, revoked, reused), so nothing reads it again; it only grows the table.
     */
    @Modifying
    @NativeQuery("DELETE FROM refresh_token WHERE id IN (SELECT id FROM refresh_token WHERE expires_at < :cutoff LIMIT :batch)")
    int deleteExpiredBefore(Instant cutoff, int batch);

    /** Revokes every token of the family not revoked yet. */
    @Modifying
    @NativeQuery("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
    void revokeFamily(UUID familyId, Instant now);
}
