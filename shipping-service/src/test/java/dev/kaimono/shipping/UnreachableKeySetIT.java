package dev.kaimono.shipping;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.kaimono.testsupport.TestJwks;
import dev.kaimono.testsupport.WithInfrastructure;

/** When user-service's key set cannot be fetched, a token cannot be checked: that is a 503 problem, not a 500 or 401. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "kaimono.security.jwt.jwk-set-uri=http://127.0.0.1:9/.well-known/jwks.json",
        "logging.level.org.springframework.security=off"})
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
class UnreachableKeySetIT {

    @LocalServerPort
    int port;

    @Test
    void answersServiceUnavailableWithAProblemWhenTheKeySetIsUnreachable() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/shipments?orderId=" + UUID.randomUUID())
                .header("Authorization", "Bearer " + TestJwks.shared().token(UUID.randomUUID(), "CUSTOMER"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "5");
    }
}
