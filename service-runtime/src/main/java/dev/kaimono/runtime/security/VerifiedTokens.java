package dev.kaimono.runtime.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Access tokens whose RS256 signature was already verified, by their compact form, so that a shopper's next
 * requests skip the RSA check that took a fifth to a quarter of a service's CPU under load (ADR 0017). Only the
 * signature is remembered: the claims (expiry, issuer, audience, subject) are validated on every use, exactly as
 * the decoder would. A token is remembered for at most {@code maxAge} (the key set's own cache age), so a key
 * withdrawn from user-service's key set stops working for tokens seen before no later than it does today.
 * Bounded: when full, expired entries go first and then everything, so memory stays within a few megabytes.
 */
public final class VerifiedTokens {

    /** How long a verified signature is trusted: the signing keys' own cache age. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Tokens remembered at most (a few KB each): far more shoppers than one replica serves at once. */
    public static final int CAPACITY = 4096;

    private record Verified(Jwt jwt, Instant until) {
    }

    private final Map<String, Verified> tokens = new ConcurrentHashMap<>();
    private final OAuth2TokenValidator<Jwt> validator;
    private final InstantSource clock;
    private final Duration maxAge;
    private final int capacity;

    public VerifiedTokens(OAuth2TokenValidator<Jwt> validator, InstantSource clock, Duration maxAge, int capacity) {
        if (maxAge.isNegative() || capacity < 1) {
            throw new IllegalArgumentException("maxAge must not be negative and capacity at least 1");
        }
        this.validator = validator;
        this.clock = clock;
        this.maxAge = maxAge;
        this.capacity = capacity;
    }

    public VerifiedTokens(OAuth2TokenValidator<Jwt> validator) {
        this(validator, InstantSource.system(), MAX_AGE, CAPACITY);
    }

    /** A decoder that verifies a token's signature through {@code verifying} only the first time it sees it. */
    public JwtDecoder caching(JwtDecoder verifying) {
        return token -> remembered(token).orElseGet(() -> remember(token, verifying.decode(token)));
    }

    /**
     * The token, when its signature was verified within {@code maxAge}, with its claims validated now.
     *
     * @throws JwtValidationException when the remembered token's claims no longer pass (it expired, for example)
     */
    public Optional<Jwt> remembered(String token) {
        Verified verified = tokens.get(token);
        if (verified == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(verified.until())) {
            tokens.remove(token, verified);
            return Optional.empty();
        }
        OAuth2TokenValidatorResult result = validator.validate(verified.jwt());
        if (result.hasErrors()) {
            tokens.remove(token, verified);
            throw new JwtValidationException(message(result.getErrors()), result.getErrors());
        }
        return Optional.of(verified.jwt());
    }

    /** Remembers a token the decoder verified and validated; returns it. */
    public Jwt remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        if (tokens.size() >= capacity) {
            tokens.values().removeIf(verified -> !now.isBefore(verified.until()));
            if (tokens.size() >= capacity) {
                tokens.clear();
            }
        }
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt().plus(AccessTokens.CLOCK_SKEW);
        }
        tokens.put(token, new Verified(jwt, until));
        return jwt;
    }

    int size() {
        return tokens.size();
    }

    /** The message Spring Security's own decoders give a token whose claims fail. */
    private static String message(Collection<OAuth2Error> errors) {
        return errors.stream().map(OAuth2Error::getDescription).filter(description -> description != null && !description.isEmpty())
                .findFirst().map("An error occurred while attempting to decode the Jwt: %s"::formatted)
                .orElse("Unable to validate Jwt");
    }
}
