package dev.kaimono.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.kaimono.testsupport.TestJwks;

/** A shopper (or administrator) calling order-service with a valid token of their own. */
final class Shopper {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };

    final UUID id;
    private final String token;
    private final RestTestClient http;

    private Shopper(int port, UUID id, String token) {
        this.id = id;
        this.token = token;
        this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    static Shopper withRoles(int port, String... roles) {
        UUID id = UUID.randomUUID();
        return new Shopper(port, id, TestJwks.shared().token(id, roles));
    }

    /** The same shopper, calling another instance of the service. */
    Shopper at(int port) {
        return new Shopper(port, id, token);
    }

    RestTestClient.ResponseSpec placeOrder(Object body, String idempotencyKey) {
        RestTestClient.RequestBodySpec request = http.post().uri("/api/orders").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body).exchange();
    }

    /** Places an order that must be accepted; returns its id. */
    UUID placesOrder(Object body) {
        Map<String, Object> accepted = placeOrder(body, null).expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(JSON).returnResult().getResponseBody();
        return UUID.fromString((String) accepted.get("id"));
    }

    RestTestClient.ResponseSpec get(String uri) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    RestTestClient.ResponseSpec post(String uri) {
        return http.post().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    RestTestClient.ResponseSpec put(String uri, Object body) {
        return http.put().uri(uri).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange();
    }

    RestTestClient.ResponseSpec delete(String uri) {
        return http.delete().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    Map<String, Object> order(UUID orderId) {
        return get("/api/orders/" + orderId).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    String status(UUID orderId) {
        return (String) order(orderId).get("status");
    }
}
