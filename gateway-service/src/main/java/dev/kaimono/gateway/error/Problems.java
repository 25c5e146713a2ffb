package dev.kaimono.gateway.error;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonInclude;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.kaimono.gateway.correlation.CorrelationId;

/**
 * Writes the RFC 9457 {@code application/problem+json} body of an error the gateway produces itself (401,
 * 403, 404, 429, 5xx). Responses of the downstream services never pass through here.
 */
@Component
public class Problems {

    /** The prefix of the type of every problem of Kaimono's own, as the services write it. */
    public static final String PROBLEM_TYPES = "tag:kaimono.dev,2026:problem:";

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    /** Answers the exchange with a problem of the given status. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, headers -> { });
    }

    /** Answers the exchange with a problem of the given status and extra headers (challenge, retry hints). */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail,
            Consumer<HttpHeaders> extraHeaders) {
        return render(exchange, status, "about:blank", status.getReasonPhrase(), detail, List.of(), extraHeaders);
    }

    /**
     * Answers the exchange with a problem of one of Kaimono's own kinds ({@code docs/api-conventions.md}): its type
     * {@value #PROBLEM_TYPES}{@code <kind>}, the kind's title, and the offending fields of a 400, if any.
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String title, String detail,
            List<FieldError> errors, Consumer<HttpHeaders> extraHeaders) {
        return render(exchange, status, PROBLEM_TYPES + kind, title, detail, errors, extraHeaders);
    }

    /**
     * A 400 as the services write it ({@code invalid-request}): every offending field once, sorted, each named in the
     * detail and listed with its message in {@code errors}.
     */
    public Mono<Void> invalid(ServerWebExchange exchange, List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message)).toList();
        List<String> fields = sorted.stream().map(FieldError::field).distinct().toList();
        return write(exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The request has invalid fields: " + String.join(", ", fields), sorted, headers -> { });
    }

    private Mono<Void> render(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail,
            List<FieldError> errors, Consumer<HttpHeaders> extraHeaders) {
        String correlationId = CorrelationId.of(exchange);
        ProblemBody problem = new ProblemBody(type, title, status.value(), detail,
                exchange.getRequest().getPath().value(), correlationId, errors);
        byte[] body = json.writeValueAsBytes(problem);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        extraHeaders.accept(headers);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        headers.set(CorrelationId.HEADER, correlationId);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** The RFC 9457 members, plus the correlation id to quote to support and the offending fields of a 400. */
    record ProblemBody(String type, String title, int status, String detail, String instance, String correlationId,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {
    }

    /** One offending field or parameter of a request, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
