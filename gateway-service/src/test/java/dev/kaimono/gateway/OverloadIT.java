package dev.kaimono.gateway;

import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import dev.kaimono.testsupport.WithInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A healthy service that is busy: its stand-in holds the calls it gets until the test lets them go, while three
 * times as many calls as payment-service's bulkhead allows are sent at once. The gateway waits for the service
 * longer than the test holds calls (in a context of its own), so no deadline depends on the machine's speed.
 */
@WithInfrastructure(WithInfrastructure.Service.REDIS)
@TestPropertySource(properties = { "kaimono.test.response-timeout=30s",
        "kaimono.gateway.routing.max-concurrent-calls.payment-service=" + OverloadIT.PAYMENT_CALLS_AT_ONCE })
class OverloadIT extends GatewayITSupport {

    static final int PAYMENT_CALLS_AT_ONCE = 4;

    private static final String ERROR_HANDLER = "dev.kaimono.gateway.error.GatewayErrorHandler";

    private static final String OVERLOADED = "The downstream service is busy with other requests; try again shortly.";

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void answersCallsBeyondABusyServicesLimitWithServiceUnavailableAndRetryAfterAndKeepsItsCircuitClosed() {
        int calls = 3 * PAYMENT_CALLS_AT_ONCE;
        String path = "/api/payments/" + UUID.randomUUID() + "/busy";
        String token = Tokens.shopper();
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        Disposable load;
        try (StubServices.Hold hold = STUBS.holdBusyResponses(); CapturedLog log = CapturedLog.of(ERROR_HANDLER)) {
            load = Flux.range(0, calls).flatMap(call -> send(path, token), calls).subscribe(answers::add);
            await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() + hold.held() == calls);

            assertThat(hold.held()).as("calls let through to the busy service").isEqualTo(PAYMENT_CALLS_AT_ONCE);
            assertThat(answers).hasSize(calls - PAYMENT_CALLS_AT_ONCE).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.retryAfter()).isEqualTo("1");
                assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                assertThat(answer.body()).contains("\"detail\":\"" + OVERLOADED + "\"", "\"correlationId\":");
            });
            client.get().uri("/api/orders/42")
                    .headers(headers -> headers.setBearerAuth(token))
                    .exchange()
                    .expectStatus().isOk();
            assertThat(log.events()).as("no warning for each call shed").isEmpty();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() == calls);
        load.dispose();

        assertThat(answers).filteredOn(answer -> answer.status() == 200)
                .hasSize(PAYMENT_CALLS_AT_ONCE)
                .allSatisfy(answer -> assertThat(answer.body()).contains("payment-service"));
        assertThat(answers).noneMatch(answer -> answer.status() == 500);
        CircuitBreaker breaker = breakers.getCircuitBreakerRegistry().find("payment-service").orElseThrow();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("failures counted against the service").isZero();
        client.get().uri("/api/payments/42")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk();
    }

    private Mono<Answer> send(String path, String token) {
        return loadClient().get().uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> new Answer(response.statusCode().value(),
                                response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                                response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE), body)));
    }

    /** A client with a connection of its own for each call, so that they all reach the gateway at once. */
    private WebClient loadClient() {
        return WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("X-Forwarded-For", clientAddress)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .build();
    }

    private record Answer(int status, String retryAfter, String contentType, String body) {
    }
}
