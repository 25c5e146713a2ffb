package dev.kaimono.gateway.ratelimit;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/** Leases against a bucket kept here in memory the way the Redis script keeps it (no refill: time stands still). */
class LeasedTokenBucketTest {

    private static final int LEASE = 8;

    private final SharedBucket redis = new SharedBucket(100);
    private final LeasedTokenBucket bucket = new LeasedTokenBucket(key -> redis.take(LEASE), key -> redis.take(1), LEASE, 1);

    @Test
    void aBusyClientCostsOneRoundTripPerLeaseAndSeesTheSharedBudgetInItsHeaders() {
        for (int request = 1; request <= 16; request++) {
            RateLimiter.Response response = bucket.take("ann").block();

            assertThat(response.isAllowed()).isTrue();
            assertThat(response.getHeaders()).containsEntry(RedisRateLimiter.REMAINING_HEADER, Integer.toString(100 - request))
                    .containsEntry(RedisRateLimiter.REQUESTED_TOKENS_HEADER, "1");
        }
        assertThat(redis.calls).isEqualTo(2);
    }

    @Test
    void aBurstGetsExactlyTheBucketsTokensThenRefusals() {
        int allowed = 0;
        for (int request = 0; request < 150; request++) {
            if (bucket.take("ann").block().isAllowed()) {
                allowed++;
            }
        }

        assertThat(allowed).as("100 tokens: 12 leases of 8, then the last 4 one at a time").isEqualTo(100);
        assertThat(redis.tokens).isZero();
    }

    @Test
    void aClientWithNothingLeftIsRefusedWithOneRoundTripPerRequest() {
        for (int request = 0; request < 150; request++) {
            bucket.take("ann").block();
        }
        int callsWhenEmpty = redis.calls;

        RateLimiter.Response refused = bucket.take("ann").block();

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry(RedisRateLimiter.REMAINING_HEADER, "0")
                .containsEntry(RedisRateLimiter.REQUESTED_TOKENS_HEADER, "1");
        assertThat(redis.calls - callsWhenEmpty).as("the refused lease alone").isEqualTo(1);
    }

    @Test
    void aClientsLeaseIsNotSpentOnAnotherClient() {
        bucket.take("ann").block();
        bucket.take("bob").block();

        assertThat(redis.calls).as("each client took a lease of its own").isEqualTo(2);
        assertThat(redis.tokens).isEqualTo(100 - 2 * LEASE);
    }

    @Test
    void anOutageReportedByTheLimiterIsPassedOnAndNothingIsLeased() {
        LeasedTokenBucket failingOpen = new LeasedTokenBucket(
                key -> Mono.just(new RateLimiter.Response(true, Map.of(RedisRateLimiter.REMAINING_HEADER, "-1"))),
                key -> Mono.error(new AssertionError("one at a time during an outage")), LEASE, 1);

        for (int request = 0; request < 3; request++) {
            assertThat(failingOpen.take("ann").block().getHeaders()).containsEntry(RedisRateLimiter.REMAINING_HEADER, "-1");
        }
    }

    @Test
    void aLeaseOfOneRequestAsksTheSharedBucketEveryTime() {
        LeasedTokenBucket unleased = new LeasedTokenBucket(key -> Mono.error(new AssertionError("no leases")),
                key -> redis.take(1), 1, 1);

        for (int request = 0; request < 5; request++) {
            unleased.take("ann").block();
        }

        assertThat(redis.calls).isEqualTo(5);
    }

    /** The token bucket script without time: allowed when enough tokens are left, and then they are taken. */
    private static final class SharedBucket {

        int tokens;
        int calls;

        SharedBucket(int tokens) {
            this.tokens = tokens;
        }

        synchronized Mono<RateLimiter.Response> take(int requested) {
            calls++;
            boolean allowed = tokens >= requested;
            if (allowed) {
                tokens -= requested;
            }
            Map<String, String> headers = new HashMap<>();
            headers.put(RedisRateLimiter.REMAINING_HEADER, Integer.toString(tokens));
            headers.put(RedisRateLimiter.REQUESTED_TOKENS_HEADER, Integer.toString(requested));
            return Mono.just(new RateLimiter.Response(allowed, headers));
        }
    }
}
