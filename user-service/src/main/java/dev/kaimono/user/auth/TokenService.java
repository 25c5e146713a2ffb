package dev.kaimono.user.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kaimono.user.account.Account;
import dev.kaimono.user.account.Accounts;
import dev.kaimono.user.keys.TokenProperties;

/**
 * Signs shoppers in. A login checks the password, unless too many logins for the email failed in a
 * row (see {@link LoginAttempts}), and starts a refresh-token family; a refresh uses
 * up one token of the family and issues the next, until the family's lifetime since its login is over.
 * A used token presented again means it was copied, so the whole family is revoked and the shopper
 * must log in again; logging out revokes the family too.
 */
@Service
class TokenService {

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    private static final String INVALID_LOGIN = "Invalid email or password";
    private static final String INVALID_REFRESH = "The refresh token is invalid, expired or already used";

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final TokenProperties properties;
    private final Clock clock;
    private final String unknownAccountHash;

    TokenService(Accounts accounts, PasswordEncoder passwordEncoder, AccessTokens accessTokens,
            RefreshTokens refreshTokens, LoginThrottle throttle, TokenProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
        this.unknownAccountHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * Not one transaction: the attempt must be counted even when the login fails, and no connection is
     * held while the password hash is computed.
     */
    IssuedTokens login(String email, String password) {
        Instant now = clock.instant();
        Duration locked = throttle.attempt(email, now);
        if (locked.isPositive()) {
            throw new LoginThrottledException(locked);
        }
        Account account = accounts.byEmail(email).orElse(null);
        // Compare against a dummy hash for unknown emails, so timing does not reveal which accounts exist.
        String hash = account == null ? unknownAccountHash : account.passwordHash();
        if (!passwordEncoder.matches(password, hash) || account == null) {
            throw new InvalidCredentialsException(INVALID_LOGIN);
        }
        throttle.succeeded(email);
        return issue(account, UUID.randomUUID(), now, now);
    }

    @Transactional(noRollbackFor = InvalidCredentialsException.class)
    IssuedTokens refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.lockByHash(RefreshToken.hash(refreshToken))
                .orElseThrow(() -> new InvalidCredentialsException(INVALID_REFRESH));
        if (token.revoked() || token.expiresAt().isBefore(now) || !now.isBefore(familyEnd(token.familyStartedAt()))) {
            throw new InvalidCredentialsException(INVALID_REFRESH);
        }
        if (token.used()) {
            log.warn("Refresh token reuse for account {}: revoking its token family", token.accountId());
            refreshTokens.revokeFamily(token.familyId(), now);
            throw new InvalidCredentialsException(INVALID_REFRESH);
        }
        token.markUsed(now);
        Account account = accounts.findById(token.accountId()).orElseThrow(() -> new InvalidCredentialsException(INVALID_REFRESH));
        return issue(account, token.familyId(), token.familyStartedAt(), now);
    }

    /** Deletes up to {@code batch} refresh tokens that expired before the cutoff; returns how many. */
    @Transactional
    int forgetExpiredBefore(Instant cutoff, int batch) {
        return refreshTokens.deleteExpiredBefore(cutoff, batch);
    }

    /** Revokes the family of the token, if it is one; says nothing either way. */
    @Transactional
    void logout(String refreshToken) {
        refreshTokens.lockByHash(RefreshToken.hash(refreshToken))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), clock.instant()));
    }

    private IssuedTokens issue(Account account, UUID family, Instant familyStartedAt, Instant now) {
        Instant expiresAt = now.plus(properties.refreshTokenTtl());
        Instant familyEnd = familyEnd(familyStartedAt);
        RefreshToken.Issued refresh = RefreshToken.issue(account.id(), family, familyStartedAt, now,
                expiresAt.isAfter(familyEnd) ? familyEnd : expiresAt);
        refreshTokens.save(refresh.token());
        return new IssuedTokens(accessTokens.issue(account), properties.accessTokenTtl(), refresh.value());
    }

    private Instant familyEnd(Instant familyStartedAt) {
        return familyStartedAt.plus(properties.refreshFamilyLifetime());
    }
}
