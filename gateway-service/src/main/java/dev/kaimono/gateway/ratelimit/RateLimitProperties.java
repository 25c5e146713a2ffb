package dev.kaimono.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.Assert;

/**
 * The token-bucket policies ({@code kaimono.gateway.rate-limit.*}): {@code default} for every routed request,
 * {@code login} (stricter) for login, registration and logout.
 *
 * @param standard     the policy under {@code default}
 * @param login        the policy for login, registration and logout
 * @param redisTimeout how long a bucket check may take before the request is let through unlimited
 * @param outageBackoff after Redis failed, how long requests pass unlimited before Redis is tried again
 * @param keyPrefix     starts every bucket's name, so environments sharing a Redis never share a bucket
 *                      ({@code KAIMONO_REDIS_PREFIX}; {@code ./platform} sets {@code kaimono<suffix>:})
 */
@ConfigurationProperties("kaimono.gateway.rate-limit")
record RateLimitProperties(@Name("default") Policy standard, Policy login, Duration redisTimeout,
        Duration outageBackoff, @DefaultValue("") String keyPrefix) {

    RateLimitProperties {
        Assert.notNull(standard, "kaimono.gateway.rate-limit.default is required");
        Assert.notNull(login, "kaimono.gateway.rate-limit.login is required");
        Assert.isTrue(redisTimeout != null && redisTimeout.isPositive(), "redis-timeout must be positive");
        Assert.isTrue(outageBackoff != null && !outageBackoff.isNegative(), "outage-backoff must not be negative");
    }

    /**
     * One token bucket per client key.
     *
     * @param replenishRate   tokens added per second
     * @param burstCapacity   tokens the bucket holds, i.e. the largest burst
     * @param requestedTokens tokens one request costs (1 unless a rate below one request a second is wanted)
     */
    record Policy(int replenishRate, int burstCapacity, @DefaultValue("1") int requestedTokens) {

        Policy {
            Assert.isTrue(replenishRate > 0, "replenish-rate must be positive");
            Assert.isTrue(requestedTokens > 0, "requested-tokens must be positive");
            Assert.isTrue(burstCapacity >= replenishRate && burstCapacity >= requestedTokens,
                    "burst-capacity must be at least the replenish rate and the tokens one request costs");
        }

        /**
         * Requests one Redis call takes tokens for ({@link LeasedTokenBucket}): a sixteenth of the burst, at least
         * one and at most 64, so a client never holds more than a small share of its burst unspent.
         */
        int leaseRequests() {
            return (int) Math.clamp(burstCapacity / (16L * requestedTokens), 1, 64);
        }

        /** Whole seconds until a refused client has earned one request's worth of tokens again (at least 1). */
        long retryAfterSeconds() {
            return Math.max(1, Math.ceilDiv(requestedTokens, replenishRate));
        }
    }
}
