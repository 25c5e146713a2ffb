package dev.kaimono.gateway.ratelimit;

import java.time.InstantSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.gateway.error.Problems;

/**
 * Two Redis token buckets from Spring Cloud Gateway's {@link RedisRateLimiter} (its Lua script keeps a bucket
 * consistent across gateway replicas), driven by our {@link RateLimitFilter} because the stock
 * {@code RequestRateLimiter} filter answers 429 with an empty body. Each policy uses one fixed bucket name, so
 * a client's budget is shared by all routes rather than counted per route. The bucket names start with the
 * environment's key prefix: Redis keys {@code request_rate_limiter.{<prefix>default.<client>}.tokens}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RateLimitProperties.class, ClientAddressProperties.class })
class RateLimitConfiguration {

    @Bean
    RedisRateLimiter defaultRateLimiter(RateLimitProperties properties) {
        return limiter(properties.standard());
    }

    @Bean
    RedisRateLimiter loginRateLimiter(RateLimitProperties properties) {
        return limiter(properties.login());
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, ClientAddressProperties clients,
            RedisRateLimiter defaultRateLimiter, RedisRateLimiter loginRateLimiter, Problems problems) {
        String standard = properties.keyPrefix() + "default";
        String login = properties.keyPrefix() + "login";
        return new RateLimitFilter(
                new RateLimitFilter.Limit(properties.standard(), key -> defaultRateLimiter.isAllowed(standard, key)),
                new RateLimitFilter.Limit(properties.login(), key -> loginRateLimiter.isAllowed(login, key)),
                new ClientKeyResolver(clients.trustedProxies()), problems, properties.redisTimeout(),
                properties.outageBackoff(), InstantSource.system());
    }

    private static RedisRateLimiter limiter(RateLimitProperties.Policy policy) {
        return new RedisRateLimiter(policy.replenishRate(), policy.burstCapacity(), policy.requestedTokens());
    }
}
