package dev.kaimono.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.kaimono.testsupport.WithInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@WithInfrastructure(WithInfrastructure.Service.REDIS)
class RoutingIT extends GatewayITSupport {

    private static final String CIRCUIT_OPEN = "The downstream service is failing; requests to it are paused briefly.";

    @AfterAll
    static void releaseSlowResponses() {
        STUBS.releaseSlowResponses();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/users/me, user-service",
            "/api/auth/sessions, user-service",
            "/api/admin/users/42, user-service",
            "/api/products/42, catalog-service",
            "/api/categories, catalog-service",
            "/api/admin/catalog/reindex, catalog-service",
            "/api/cart, order-service",
            "/api/orders/42/history, order-service",
            "/api/admin/orders/dead-letters, order-service",
            "/api/inventory/42/replenish, inventory-service",
            "/api/admin/inventory/reservations, inventory-service",
            "/api/payments/42, payment-service",
            "/api/admin/payments/dead-letters, payment-service",
    })
    void routesEachPathToItsServiceUnchanged(String path, String service) {
        client.get().uri(path)
                .headers(headers -> headers.setBearerAuth(Tokens.admin()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/nothing-here", "/actuator/health", "/.well-known/jwks.json", "/" })
    void answersPathsWithoutARouteWithANotFoundProblem(String path) {
        client.get().uri(path)
                .headers(headers -> headers.setBearerAuth(Tokens.shopper()))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("No route matches this path.")
                .jsonPath("$.instance").isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/products/batch?ids=42", "/api/products/batch/?ids=42", "/api/products/%62atch?ids=42",
            "/api/products/batch/x" })
    void neverRoutesTheCatalogsBatchLookupForOtherServices(String uri) {
        for (String token : new String[] { null, Tokens.shopper(), Tokens.admin() }) {
            client.get().uri(URI.create("http://127.0.0.1:" + port + uri))
                    .headers(headers -> {
                        if (token != null) {
                            headers.setBearerAuth(token);
                        }
                    })
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(404)
                    .jsonPath("$.detail").isEqualTo("No route matches this path.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/products/x/../batch", "/api/products//batch", "/api/products/batch;a=b",
            "/api/products/%2e%2e/admin/users", "/api/products/a%2Fb", "/api/products/./batch" })
    void refusesAPathThatIsNotInNormalFormWithABadRequestProblem(String path) {
        client.get().uri(URI.create("http://127.0.0.1:" + port + path))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.correlationId").exists();
    }

    @Test
    void passesAServiceErrorThroughUntouched() {
        client.get().uri("/api/orders/fail")
                .headers(headers -> headers.setBearerAuth(Tokens.shopper()))
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("failed inside order-service")
                .jsonPath("$.correlationId").doesNotExist();
    }

    @Test
    void answersAnUnreachableServiceWithAServiceUnavailableProblemPromptly() {
        long started = System.nanoTime();
        client.get().uri("/api/shipments/42")
                .headers(headers -> headers.setBearerAuth(Tokens.shopper()))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.status").isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void opensTheCircuitOfAFailingServiceOnlyAndSaysWhenToRetry() {
        String token = Tokens.admin();
        EntityExchangeResult<byte[]> result = null;
        String detail = null;
        for (int attempt = 0; attempt < 10 && !CIRCUIT_OPEN.equals(detail); attempt++) {
            result = client.get().uri("/api/shipments/42")
                    .headers(headers -> headers.setBearerAuth(token))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().returnResult();
            detail = JsonPath.read(new String(result.getResponseBodyContent()), "$.detail");
            if (!CIRCUIT_OPEN.equals(detail)) {
                assertThat(result.getResponseHeaders().getFirst("Retry-After")).as("while still unreachable").isEqualTo("1");
            }
        }
        assertThat(detail).isEqualTo(CIRCUIT_OPEN);
        assertThat(result.getResponseHeaders().getFirst("Retry-After")).as("the breaker's wait in the open state")
                .isEqualTo("60");
        client.get().uri("/api/payments/42")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void answersASlowServiceWithAGatewayTimeoutProblem() {
        long started = System.nanoTime();
        client.get().uri("/api/payments/42/slow")
                .headers(headers -> headers.setBearerAuth(Tokens.shopper()))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.detail").isEqualTo("The downstream service did not answer in time.");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(RESPONSE_TIMEOUT)
                .isLessThan(RESPONSE_TIMEOUT.plusSeconds(3));
    }

    @Test
    void answersABrokenResponseWithABadGatewayProblem() {
        client.get().uri("/api/inventory/42/broken")
                .headers(headers -> headers.setBearerAuth(Tokens.shopper()))
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(502);
    }

    @Test
    void answersAResponseTooLargeToReadWithABadGatewayProblem() {
        client.get().uri("/api/orders/42/garbled")
                .headers(headers -> headers.setBearerAuth(Tokens.shopper()))
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The downstream service sent an incomplete or invalid response.");
    }

    @Test
    void generatesACorrelationIdWhenTheClientSendsNone() {
        var result = client.get().uri("/api/products/42").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(UUID.fromString(correlationId)).hasToString(correlationId);
        assertThat(result.getResponseHeaders().get("X-Correlation-Id")).hasSize(1);
        assertThat(new String(result.getResponseBodyContent())).contains("\"correlationId\":\"" + correlationId + "\"");
    }

    @Test
    void keepsAValidCorrelationIdFromTheClient() {
        client.get().uri("/api/products/42")
                .header("X-Correlation-Id", "checkout-2024.11_abc")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "checkout-2024.11_abc")
                .expectBody().jsonPath("$.correlationId").isEqualTo("checkout-2024.11_abc");
    }

    @Test
    void replacesACorrelationIdThatIsNotASafeToken() {
        String unsafe = "x".repeat(65);
        var result = client.get().uri("/api/products/42")
                .header("X-Correlation-Id", unsafe)
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(correlationId).isNotEqualTo(unsafe);
        assertThat(UUID.fromString(correlationId)).hasToString(correlationId);
    }

    @Test
    void echoesTheCorrelationIdOnErrorsProducedByTheGateway() {
        client.get().uri("/api/nothing-here")
                .header("X-Correlation-Id", "trace-me-404")
                .headers(headers -> headers.setBearerAuth(Tokens.shopper()))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Correlation-Id", "trace-me-404")
                .expectBody().jsonPath("$.correlationId").isEqualTo("trace-me-404");
    }
}
