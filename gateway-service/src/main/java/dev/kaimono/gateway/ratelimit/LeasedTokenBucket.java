package dev.kaimono.gateway.ratelimit;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/**
 * A policy's Redis bucket taken from a lease at a time: one Redis call takes several requests' tokens for a client
 * and this gateway spends them on that client's next requests, so a busy client costs one round trip per lease
 * instead of one per request. The tokens leave the shared bucket before they are spent, so no gateway replica ever
 * lets a client past its limit; tokens leased and not spent before their client goes quiet (at most a lease less one
 * request per client and replica) are simply not used. Near the limit, when the bucket holds less than a lease, the
 * client's requests take one request's tokens each, so the last tokens of a burst are spent exactly.
 */
final class LeasedTokenBucket implements TokenBucket {

    /** Clients whose unspent leases are remembered; beyond this the memory is cleared (their leftovers go unused). */
    static final int MAX_CLIENTS = 100_000;

    private final TokenBucket leases;
    private final TokenBucket single;
    private final int leaseRequests;
    private final int requestedTokens;
    private final Map<String, Lease> unspent = new ConcurrentHashMap<>();

    /**
     * @param leases        takes a lease: {@code leaseRequests} requests' tokens in one call
     * @param single        takes one request's tokens
     * @param leaseRequests requests one lease pays for (1: every request asks Redis)
     * @param requestedTokens tokens one request costs, as the response headers report it
     */
    LeasedTokenBucket(TokenBucket leases, TokenBucket single, int leaseRequests, int requestedTokens) {
        if (leaseRequests < 1) {
            throw new IllegalArgumentException("a lease pays for at least one request, not " + leaseRequests);
        }
        this.leases = leases;
        this.single = single;
        this.leaseRequests = leaseRequests;
        this.requestedTokens = requestedTokens;
    }

    @Override
    public Mono<RateLimiter.Response> take(String clientKey) {
        Lease lease = unspent.get(clientKey);
        RateLimiter.Response spent = lease == null ? null : lease.spend();
        if (spent != null) {
            return Mono.just(spent);
        }
        if (leaseRequests == 1) {
            return single.take(clientKey);
        }
        return leases.take(clientKey).flatMap(response -> {
            if (!response.isAllowed()) {
                // Not even one request's tokens left (a refused lease takes nothing and reports what is there): a
                // client over its limit costs one round trip per request, as before leases.
                if (remaining(response) < requestedTokens) {
                    return Mono.just(new RateLimiter.Response(false, perRequest(response.getHeaders())));
                }
                // Less than a lease is left: one request at a time, so the bucket's last tokens are not wasted.
                return single.take(clientKey);
            }
            if (outage(response)) {
                return Mono.just(response);
            }
            Lease fresh = new Lease(response, leaseRequests - 1);
            if (unspent.size() >= MAX_CLIENTS) {
                unspent.clear();
            }
            unspent.put(clientKey, fresh);
            return Mono.just(fresh.response(leaseRequests - 1));
        });
    }

    /** The stock limiter fails open on a Redis error and then reports -1 tokens left; the filter acts on that. */
    private static boolean outage(RateLimiter.Response response) {
        return "-1".equals(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER));
    }

    private static long remaining(RateLimiter.Response response) {
        String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        return remaining == null ? 0 : Long.parseLong(remaining);
    }

    /** The headers as Redis sent them, but reporting the tokens one request costs rather than a lease's. */
    private Map<String, String> perRequest(Map<String, String> headers) {
        if (!headers.containsKey(RedisRateLimiter.REQUESTED_TOKENS_HEADER)) {
            return headers;
        }
        Map<String, String> reported = new HashMap<>(headers);
        reported.put(RedisRateLimiter.REQUESTED_TOKENS_HEADER, Integer.toString(requestedTokens));
        return reported;
    }

    /** Requests paid for and not yet made, and what Redis said when the lease was taken. */
    private final class Lease {

        private final Map<String, String> headers;
        private final long remainingInRedis;
        private final AtomicInteger requests;

        Lease(RateLimiter.Response response, int requests) {
            this.headers = perRequest(response.getHeaders());
            this.remainingInRedis = remaining(response);
            this.requests = new AtomicInteger(requests);
        }

        /** One request's tokens from the lease, or null when it is spent. */
        RateLimiter.Response spend() {
            int before = requests.getAndUpdate(left -> left > 0 ? left - 1 : 0);
            return before > 0 ? response(before - 1) : null;
        }

        /** An allowed response reporting the shared bucket's tokens plus what is left of this lease. */
        RateLimiter.Response response(int leftInLease) {
            if (!headers.containsKey(RedisRateLimiter.REMAINING_HEADER)) {
                return new RateLimiter.Response(true, headers);
            }
            Map<String, String> reported = new HashMap<>(headers);
            reported.put(RedisRateLimiter.REMAINING_HEADER, Long.toString(remainingInRedis + leftInLease));
            return new RateLimiter.Response(true, reported);
        }
    }
}
