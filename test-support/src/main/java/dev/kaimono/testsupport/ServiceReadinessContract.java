package dev.kaimono.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What every service promises operators from its first day: it connects to its store, reports ready
 * on the management port with that store among the readiness checks, exports Prometheus metrics
 * there without revealing health details, serves no actuator endpoint on its public port, and refuses a
 * request body over the size limit before reading it, and runs its security filters without wrapping each in an
 * observation for every request (ADR 0030). A service's test extends this class
 * with {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = "management.server.port=0")}.
 */
public abstract class ServiceReadinessContract {

    private final String storeHealthComponent;

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired(required = false)
    private SecurityObservationSettings securityObservations;

    /** @param storeHealthComponent the health component of the service's store, e.g. {@code db} or {@code mongo} */
    protected ServiceReadinessContract(String storeHealthComponent) {
        this.storeHealthComponent = storeHealthComponent;
    }

    @Test
    void reportsReadyWithItsStoreUp() {
        management().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components." + storeHealthComponent + ".status").isEqualTo("UP");
        management().get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void exportsPrometheusMetricsOnTheManagementPort() {
        management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("jvm_memory_used_bytes")
                        .contains("application=\""));
    }

    @Test
    void servesNoActuatorOnThePublicPortAndAnswersUnknownPathsWithProblemDetails() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health").exchange()
                .expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status).isIn(401, 404))
                .expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void showsHealthStatusButNoDetailsToAnonymousCallers() {
        management().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("\"" + storeHealthComponent + "\"")
                        .doesNotContain("\"details\""));
    }

    @Test
    void refusesARequestBodyOverTheLimitWith413ProblemDetails() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/api/too-large").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(new byte[300 * 1024]).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Request body too large");
    }

    @Test
    void runsItsSecurityFiltersWithoutObservationWrappers() {
        SecurityObservations.assertNoneObserved(securityObservations);
    }

    private RestTestClient management() {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
    }
}
