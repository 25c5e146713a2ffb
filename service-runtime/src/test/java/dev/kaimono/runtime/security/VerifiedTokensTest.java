package dev.kaimono.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private static final String ISSUER = "urn:kaimono:user-service";
    private static final String AUDIENCE = "kaimono-api";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
    private final InstantSource clock = () -> now.get();
    // The validator judges expiry by the same clock as the cache: a fixed date must not turn into the real one.
    private final VerifiedTokens verified = new VerifiedTokens(
            AccessTokens.validator(ISSUER, AUDIENCE, clock.withZone(ZoneOffset.UTC)), clock, Duration.ofMinutes(5), 3);
    private final AtomicInteger verifications = new AtomicInteger();

    /** Stands in for the RS256 check: counts its calls and knows the tokens "a", "b", "c", "d"; refuses others. */
    private final JwtDecoder signatures = token -> {
        verifications.incrementAndGet();
        if (token.length() != 1) {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }
        return jwt(token, now.get().plus(Duration.ofMinutes(15)));
    };

    private final JwtDecoder decoder = verified.caching(signatures);

    @Test
    void verifiesASignatureOnceAndServesTheSameTokenAfterwards() {
        Jwt first = decoder.decode("a");
        Jwt again = decoder.decode("a");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void neverRemembersATokenTheDecoderRefused() {
        for (int i = 0; i < 2; i++) {
            assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("forged"));
        }
        assertThat(verifications).hasValue(2);
        assertThat(verified.size()).isZero();
    }

    @Test
    void validatesTheClaimsOfARememberedTokenOnEveryUse() {
        Jwt foreign = Jwt.withTokenValue("x").header("alg", "RS256").issuer(ISSUER).audience(java.util.List.of("another-api"))
                .subject("shopper").expiresAt(now.get().plusSeconds(600)).build();
        verified.remember("x", foreign);

        assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder.decode("x"))
                .withMessageContaining("not meant for kaimono-api");
        assertThat(verified.size()).as("the refused token is forgotten").isZero();
    }

    @Test
    void forgetsATokenOnceItExpiredBeyondTheClockSkew() {
        verified.remember("short", jwt("short", now.get().plusSeconds(60)));
        now.set(now.get().plusSeconds(60 + 29));
        assertThat(verified.remembered("short")).as("within the skew the validator still accepts it").isPresent();

        now.set(now.get().plusSeconds(2));

        assertThat(verified.remembered("short")).isEmpty();
        assertThat(verified.size()).isZero();
    }

    @Test
    void verifiesTheSignatureAgainAfterTheMaximumAge() {
        decoder.decode("a");
        now.set(now.get().plus(Duration.ofMinutes(5)));

        decoder.decode("a");

        assertThat(verifications).as("the key set may have changed since").hasValue(2);
    }

    @Test
    void staysWithinItsCapacity() {
        for (String token : new String[] { "a", "b", "c", "d" }) {
            decoder.decode(token);
        }

        assertThat(verified.size()).isLessThanOrEqualTo(3);
        decoder.decode("d");
        assertThat(verifications).as("the newest token is still remembered").hasValue(4);
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").issuer(ISSUER).audience(java.util.List.of(AUDIENCE))
                .subject("shopper-" + token).issuedAt(expiresAt.minus(Duration.ofMinutes(15))).expiresAt(expiresAt).build();
    }
}
