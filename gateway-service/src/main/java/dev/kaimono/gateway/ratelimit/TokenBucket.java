package dev.kaimono.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

/** One rate-limit policy's buckets: takes a request's tokens from the bucket of a client key. */
@FunctionalInterface
interface TokenBucket {

    Mono<RateLimiter.Response> take(String clientKey);
}
