package dev.kaimono.gateway.security;

import java.util.Locale;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Leaves out of every routed request the headers a service could take for the gateway's word but that the
 * client wrote: who the caller is ({@code X-User}, {@code X-User-*}, {@code X-Roles}) and where the request
 * came from ({@code Forwarded}, {@code X-Forwarded-*}, {@code X-Real-IP}). Services learn the caller from the
 * bearer token only. The exchange itself keeps the headers, so the rate limiter still reads
 * {@code X-Forwarded-For} from a trusted proxy; only the request sent downstream loses them.
 *
 * <p>Runs first among the headers filters: should Spring Cloud Gateway's own {@code X-Forwarded-*} filter be
 * switched on, it adds what it takes from the connection after this one has removed the client's values.
 */
@Component
class SpoofableHeadersFilter implements HttpHeadersFilter, Ordered {

    private static final Set<String> NAMES = Set.of("x-user", "x-roles", "forwarded", "x-real-ip");
    private static final Set<String> PREFIXES = Set.of("x-user-", "x-forwarded-");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders kept = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!spoofable(name)) {
                kept.addAll(name, values);
            }
        });
        return kept;
    }

    static boolean spoofable(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return NAMES.contains(name) || PREFIXES.stream().anyMatch(name::startsWith);
    }
}
