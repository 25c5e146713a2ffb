package dev.kaimono.gateway.ratelimit;

import java.time.InstantSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.RedisScript;

import dev.kaimono.gateway.error.Problems;

/**
 * Two Redis token buckets from Spring Cloud Gateway's {@link RedisRateLimiter} (its Lua script keeps a bucket
 * consistent across gateway replicas), taken from in leases of several requests ({@link LeasedTokenBucket}, a
 * second limiter per policy whose one call takes a lease's tokens), driven by our {@link RateLimitFilter} because the stock
 * {@code RequestRateLimiter} filter answers 429 with an empty body. Each policy uses one fixed bucket name, so
 * a client's budget is shared by all routes rather than counted per route. The bucket names start with the
 * environment's key prefix: Redis keys {@code request_rate_limiter.{<prefix>default.<client>}.tokens}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RateLimitProperties.class, ClientAddressProperties.class })
class RateLimitConfiguration {

    /** The bean {@link RedisRateLimiter} takes its script from. */
    static final String SCRIPT_BEAN = RedisRateLimiter.REDIS_SCRIPT_NAME;

    /**
     * Spring Cloud Gateway's token-bucket script, held in memory. Its own {@code redisRequestRateLimiterScript}
     * bean reads the script through a {@code ResourceScriptSource}, which asks the class path whether the jar
     * entry changed on every call to find the script's SHA-1: a jar lookup on every request that took a fifth of
     * the gateway's CPU under load. The bean is replaced by a static script with the same text and result type.
     */
    @Bean
    static BeanPostProcessor rateLimiterScriptHeldInMemory() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (SCRIPT_BEAN.equals(beanName) && bean instanceof RedisScript<?> script) {
                    return RedisScript.of(script.getScriptAsString(), script.getResultType());
                }
                return bean;
            }
        };
    }

    @Bean
    RedisRateLimiter defaultRateLimiter(RateLimitProperties properties) {
        return limiter(properties.standard());
    }

    @Bean
    RedisRateLimiter loginRateLimiter(RateLimitProperties properties) {
        return limiter(properties.login());
    }

    @Bean
    RedisRateLimiter defaultLeaseRateLimiter(RateLimitProperties properties) {
        return leaseLimiter(properties.standard());
    }

    @Bean
    RedisRateLimiter loginLeaseRateLimiter(RateLimitProperties properties) {
        return leaseLimiter(properties.login());
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, ClientAddressProperties clients,
            RedisRateLimiter defaultRateLimiter, RedisRateLimiter defaultLeaseRateLimiter,
            RedisRateLimiter loginRateLimiter, RedisRateLimiter loginLeaseRateLimiter, Problems problems) {
        return new RateLimitFilter(
                limit(properties.standard(), properties.keyPrefix() + "default", defaultLeaseRateLimiter, defaultRateLimiter),
                limit(properties.login(), properties.keyPrefix() + "login", loginLeaseRateLimiter, loginRateLimiter),
                new ClientKeyResolver(clients.trustedProxies()), problems, properties.redisTimeout(),
                properties.outageBackoff(), InstantSource.system());
    }

    private static RateLimitFilter.Limit limit(RateLimitProperties.Policy policy, String bucket, RedisRateLimiter leases,
            RedisRateLimiter single) {
        return new RateLimitFilter.Limit(policy, new LeasedTokenBucket(key -> leases.isAllowed(bucket, key),
                key -> single.isAllowed(bucket, key), policy.leaseRequests(), policy.requestedTokens()));
    }

    private static RedisRateLimiter limiter(RateLimitProperties.Policy policy) {
        return new RedisRateLimiter(policy.replenishRate(), policy.burstCapacity(), policy.requestedTokens());
    }

    /** The same bucket (same name, rate and capacity), one call taking a lease's worth of requests. */
    private static RedisRateLimiter leaseLimiter(RateLimitProperties.Policy policy) {
        return new RedisRateLimiter(policy.replenishRate(), policy.burstCapacity(),
                policy.requestedTokens() * policy.leaseRequests());
    }
}
