package dev.kaimono.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The signing keys user-service publishes, cached. Keys are fetched again when they are older than the
 * maximum age (so a key user-service withdraws stops being trusted) or when a token names a {@code kid} the
 * cache does not know (so a rotated-in key is picked up at once), but never more often than the refresh
 * interval, however many tokens with made-up {@code kid}s arrive. Concurrent requests share one fetch; when
 * a fetch fails the keys already known stay in use.
 */
final class JwkSetCache implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(JwkSetCache.class);

    private final Supplier<Mono<JWKSet>> fetch;
    private final InstantSource clock;
    private final Duration maxAge;
    private final Duration refreshInterval;
    private final AtomicReference<Keys> keys = new AtomicReference<>(Keys.NONE);
    private final AtomicReference<@Nullable Mono<Keys>> inFlight = new AtomicReference<>();

    JwkSetCache(Supplier<Mono<JWKSet>> fetch, InstantSource clock, Duration maxAge, Duration refreshInterval) {
        this.fetch = fetch;
        this.clock = clock;
        this.maxAge = maxAge;
        this.refreshInterval = refreshInterval;
    }

    /** The published keys that may have signed this token: the one its {@code kid} names, or all of them. */
    @Override
    public Flux<JWK> apply(SignedJWT token) {
        String kid = token.getHeader().getKeyID();
        return current(kid).flatMapIterable(known -> known.matching(kid));
    }

    private Mono<Keys> current(@Nullable String kid) {
        Keys known = keys.get();
        Instant now = clock.instant();
        boolean wanted = known.olderThan(maxAge, now) || (kid != null && known.set().getKeyByKeyId(kid) == null);
        if (wanted && known.mayRefresh(refreshInterval, now)) {
            return refresh();
        }
        return Mono.just(known);
    }

    private Mono<Keys> refresh() {
        Mono<Keys> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Mono<Keys> refreshing = Mono.defer(fetch)
                .map(set -> new Keys(set, clock.instant(), clock.instant()))
                .doOnNext(fresh -> log.debug("Fetched {} signing key(s)", fresh.set().size()))
                .onErrorResume(error -> {
                    log.warn("Cannot fetch the signing keys, keeping the {} known: {}", keys.get().set().size(),
                            error.toString());
                    return Mono.just(keys.get().attemptedAt(clock.instant()));
                })
                .doOnNext(keys::set)
                .doFinally(signal -> inFlight.set(null))
                .cache();
        if (inFlight.compareAndSet(null, refreshing)) {
            return refreshing;
        }
        return Mono.defer(() -> {
            Mono<Keys> other = inFlight.get();
            return other != null ? other : Mono.just(keys.get());
        });
    }

    /** A key set with when it was fetched and when a fetch was last tried. */
    private record Keys(JWKSet set, @Nullable Instant fetchedAt, @Nullable Instant attemptedAt) {

        static final Keys NONE = new Keys(new JWKSet(), null, null);

        boolean olderThan(Duration maxAge, Instant now) {
            return fetchedAt == null || !now.isBefore(fetchedAt.plus(maxAge));
        }

        boolean mayRefresh(Duration interval, Instant now) {
            return attemptedAt == null || !now.isBefore(attemptedAt.plus(interval));
        }

        Keys attemptedAt(Instant now) {
            return new Keys(set, fetchedAt, now);
        }

        List<JWK> matching(@Nullable String kid) {
            if (kid == null) {
                return set.getKeys();
            }
            JWK key = set.getKeyByKeyId(kid);
            return key != null ? List.of(key) : List.of();
        }
    }
}
