package dev.kaimono.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.kaimono.testsupport.WithInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/** No request body over {@code kaimono.gateway.max-request-body} (256 KB by default) reaches a service. */
@WithInfrastructure(WithInfrastructure.Service.REDIS)
class RequestBodyLimitIT extends GatewayITSupport {

    private static final int LIMIT = 256 * 1024;
    private static final int CHUNK = 16 * 1024;

    @Test
    void refusesADeclaredBodyOverTheLimitWithoutWaitingForIt() throws IOException {
        String response;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/users HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n"
                    + "X-Forwarded-For: " + clientAddress + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + 5 * 1024 * 1024 + "\r\n"
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 413 ")
                .containsIgnoringCase("content-type: application/problem+json")
                .containsIgnoringCase("connection: close")
                .contains("\"status\":413", "\"instance\":\"/api/users\"",
                        "The request body is larger than the 262144 bytes the gateway accepts.");
    }

    @Test
    void refusesADeclaredBodyOneByteOverTheLimit() {
        String path = "/api/orders/" + UUID.randomUUID();

        post(path, Tokens.shopper()).bodyValue(new byte[LIMIT + 1]).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);
        assertThat(STUBS.received(path)).isEmpty();
    }

    @Test
    void cutsOffAStreamedBodyOnceItGrowsOverTheLimit() {
        String path = "/api/orders/" + UUID.randomUUID();

        post(path, Tokens.shopper()).body(chunks(LIMIT + CHUNK), DataBuffer.class).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.instance").isEqualTo(path)
                .jsonPath("$.correlationId").exists();
        assertThat(STUBS.received(path)).isEmpty();
    }

    @Test
    void passesADeclaredBodyOfExactlyTheLimit() {
        post("/api/orders/42", Tokens.shopper()).bodyValue(new byte[LIMIT]).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.bodyLength").isEqualTo(LIMIT)
                .jsonPath("$.headers.content-length[0]").isEqualTo(Integer.toString(LIMIT));
    }

    @Test
    void passesAStreamedBodyOfExactlyTheLimit() {
        post("/api/orders/42", Tokens.shopper()).body(chunks(LIMIT), DataBuffer.class).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.bodyLength").isEqualTo(LIMIT)
                .jsonPath("$.headers.transfer-encoding[0]").isEqualTo("chunked")
                .jsonPath("$.headers.content-length").doesNotExist();
    }

    @Test
    void doesNotCountBodiesItCutOffAsFailuresOfTheService() {
        String token = Tokens.shopper();
        for (int i = 0; i < 6; i++) {
            post("/api/payments/" + UUID.randomUUID(), token).body(chunks(LIMIT + CHUNK), DataBuffer.class).exchange()
                    .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        }

        client.get().uri("/api/payments/42")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("payment-service");
    }

    private WebTestClient.RequestBodySpec post(String path, String token) {
        return client.post().uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
    }

    /** A body of the given length in chunks, sent without a Content-Length. */
    private static Flux<DataBuffer> chunks(int length) {
        return Flux.range(0, length / CHUNK)
                .map(chunk -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[CHUNK]));
    }
}
