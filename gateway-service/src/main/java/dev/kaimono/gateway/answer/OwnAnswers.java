package dev.kaimono.gateway.answer;

import java.util.UUID;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Answers a gateway route writes itself instead of proxying: a JSON 200, and the one rule for ids in a path. */
public final class OwnAnswers {

    private OwnAnswers() {
    }

    /** Answers the exchange 200 with the body as JSON, its length known. */
    public static Mono<Void> json(ServerWebExchange exchange, JsonMapper json, Object body) {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        exchange.getResponse().getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(bytes);
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }

    /** Whether the value is a UUID in its canonical 36-character form, as the services read ids. */
    public static boolean isUuid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
