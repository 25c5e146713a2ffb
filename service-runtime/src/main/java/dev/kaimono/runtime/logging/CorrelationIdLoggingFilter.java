package dev.kaimono.runtime.logging;

import java.io.IOException;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.kaimono.messaging.MessageContext;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the gateway's {@value #HEADER} into the logging MDC for the request, so that a service's log lines
 * carry the id a shopper quotes to support. Only a safe token (1–64 of {@code [A-Za-z0-9._-]}, what the
 * gateway forwards) is logged; anything else is left out rather than written into the logs.
 */
public class CorrelationIdLoggingFilter extends OncePerRequestFilter {

    /** The header the gateway forwards on every request. */
    public static final String HEADER = "X-Correlation-Id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader(HEADER);
        if (id == null || !SAFE.matcher(id).matches()) {
            chain.doFilter(request, response);
            return;
        }
        try (MDC.MDCCloseable correlation = MDC.putCloseable(MessageContext.CORRELATION_ID_MDC_KEY, id)) {
            chain.doFilter(request, response);
        }
    }
}
