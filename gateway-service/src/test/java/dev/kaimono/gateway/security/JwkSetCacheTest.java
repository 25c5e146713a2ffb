package dev.kaimono.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.kaimono.gateway.CapturedLog;

import static org.assertj.core.api.Assertions.assertThat;

class JwkSetCacheTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(10);
    private static final RSAKey CURRENT = key("current");
    private static final RSAKey NEXT = key("next");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
    private final AtomicReference<Mono<JWKSet>> published = new AtomicReference<>(Mono.just(set(CURRENT)));
    private final AtomicInteger fetches = new AtomicInteger();
    private final JwkSetCache cache = new JwkSetCache(() -> {
        fetches.incrementAndGet();
        return published.get();
    }, (InstantSource) now::get, MAX_AGE, REFRESH_INTERVAL);

    @Test
    void fetchesTheKeysOnceAndServesKnownKidsFromTheCache() {
        assertThat(kidsFor("current")).containsExactly("current");
        assertThat(kidsFor("current")).containsExactly("current");

        assertThat(fetches).hasValue(1);
    }

    @Test
    void picksUpARotatedInKeyAsSoonAsTheRefreshIntervalAllows() {
        kidsFor("current");
        published.set(Mono.just(set(CURRENT, NEXT)));
        now.set(now.get().plus(REFRESH_INTERVAL));

        assertThat(kidsFor("next")).containsExactly("next");
        assertThat(kidsFor("current")).containsExactly("current");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void fetchesAtMostOncePerRefreshIntervalForUnknownKids() {
        kidsFor("current");
        now.set(now.get().plus(REFRESH_INTERVAL));

        assertThat(kidsFor("made-up-1")).isEmpty();
        assertThat(kidsFor("made-up-2")).isEmpty();
        now.set(now.get().plus(REFRESH_INTERVAL).minusMillis(1));
        assertThat(kidsFor("made-up-3")).isEmpty();
        assertThat(fetches).hasValue(2);

        now.set(now.get().plusMillis(1));
        assertThat(kidsFor("made-up-4")).isEmpty();
        assertThat(fetches).hasValue(3);
    }

    @Test
    void stopsTrustingAWithdrawnKeyAfterTheMaximumAge() {
        kidsFor("current");
        published.set(Mono.just(set(NEXT)));

        now.set(now.get().plus(MAX_AGE).minusSeconds(1));
        assertThat(kidsFor("current")).containsExactly("current");
        now.set(now.get().plusSeconds(1));
        assertThat(kidsFor("current")).isEmpty();
    }

    @Test
    void keepsTheKnownKeysWhenAFetchFails() {
        kidsFor("current");
        published.set(Mono.error(new IllegalStateException("user-service down")));
        now.set(now.get().plus(MAX_AGE));

        try (CapturedLog log = CapturedLog.of(JwkSetCache.class)) {
            assertThat(kidsFor("current")).containsExactly("current");
            assertThat(log.events()).containsExactly(
                    "WARN Cannot fetch the signing keys, keeping the 1 known: java.lang.IllegalStateException: "
                            + "user-service down");
        }
        assertThat(fetches).hasValue(2);
    }

    @Test
    void offersEveryKeyToATokenWithoutKid() {
        published.set(Mono.just(set(CURRENT, NEXT)));

        assertThat(kidsFor(null)).containsExactly("current", "next");
    }

    private List<String> kidsFor(String kid) {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder().subject("someone").build());
        return cache.apply(token).map(JWK::getKeyID).collectList().block();
    }

    private static JWKSet set(RSAKey... keys) {
        return new JWKSet(List.<JWK>of(keys)).toPublicJWKSet();
    }

    private static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
