package dev.kaimono.inventory.grpc;

import java.util.Collection;

import org.slf4j.MDC;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import dev.kaimono.api.inventory.v1.StockLookupMetadata;
import dev.kaimono.messaging.MessageContext;
import dev.kaimono.runtime.security.AccessTokens;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Who is calling, as the REST API learns it from its security filter chain: the bearer token in the
 * {@code authorization} metadata is verified like any access token of the service (an invalid one is
 * {@code UNAUTHENTICATED}, none is an anonymous caller) and its roles decide whether the caller is an
 * administrator. The gateway's correlation id ({@code x-correlation-id}) reaches the log lines of the call.
 */
final class Callers implements ServerInterceptor {

    private static final Context.Key<Boolean> ADMINISTRATOR = Context.keyWithDefault("kaimono.administrator", false);
    private static final String BEARER = "Bearer ";
    /** How a token's roles become authorities, built once rather than for every call. */
    private static final JwtAuthenticationConverter ROLES = AccessTokens.rolesAsAuthorities();

    private final JwtDecoder tokens;

    Callers(JwtDecoder tokens) {
        this.tokens = tokens;
    }

    /** Whether the current call is an administrator's. */
    static boolean administrator() {
        return ADMINISTRATOR.get();
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        boolean administrator;
        try {
            administrator = administrator(headers.get(StockLookupMetadata.AUTHORIZATION));
        } catch (JwtException | IllegalArgumentException invalid) {
            call.close(Status.UNAUTHENTICATED.withDescription("The access token is invalid or expired"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        Context context = Context.current().withValue(ADMINISTRATOR, administrator);
        String correlationId = headers.get(StockLookupMetadata.CORRELATION_ID);
        ServerCall.Listener<Q> listener = Contexts.interceptCall(context, call, headers, next);
        return correlationId == null ? listener : new Correlated<>(listener, correlationId);
    }

    private boolean administrator(String authorization) {
        if (authorization == null) {
            return false;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new IllegalArgumentException("not a bearer token");
        }
        Collection<GrantedAuthority> authorities =
                ROLES.convert(tokens.decode(authorization.substring(BEARER.length()).strip())).getAuthorities();
        return authorities.stream().anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }

    /** Puts the correlation id into the MDC while the call's work runs (on whichever thread that is). */
    private static final class Correlated<Q> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {

        private final String correlationId;

        Correlated(ServerCall.Listener<Q> delegate, String correlationId) {
            super(delegate);
            this.correlationId = correlationId;
        }

        @Override
        public void onMessage(Q message) {
            try (MDC.MDCCloseable id = MDC.putCloseable(MessageContext.CORRELATION_ID_MDC_KEY, correlationId)) {
                super.onMessage(message);
            }
        }

        @Override
        public void onHalfClose() {
            try (MDC.MDCCloseable id = MDC.putCloseable(MessageContext.CORRELATION_ID_MDC_KEY, correlationId)) {
                super.onHalfClose();
            }
        }
    }
}
