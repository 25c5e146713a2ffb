package dev.kaimono.user.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The refresh tokens in PostgreSQL, through Spring Data JPA. */
interface RefreshTokens extends Repository<RefreshToken, UUID> {

    RefreshToken save(RefreshToken token);

    /**
     * The token with this hash, locked for the rest of the transaction: of two requests with one token, the
     * second waits for the first to commit and then sees the token used.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select token from RefreshToken token where token.tokenHash = :hash")
    Optional<RefreshToken> lockByHash(String hash);

    /** Revokes every token of the family not revoked yet. */
    @Modifying
    @Query("update RefreshToken token set token.revokedAt = :now where token.familyId = :familyId and token.revokedAt is null")
    void revokeFamily(UUID familyId, Instant now);
}
