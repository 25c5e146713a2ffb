package dev.kaimono.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.kaimono.testsupport.TestJwks;

/** The catalog's HTTP API as tests call it: as an administrator, a shopper or anonymously. */
public final class CatalogApi {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    public static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };

    private final RestTestClient http;
    private final String adminToken = TestJwks.shared().token(UUID.randomUUID(), "CUSTOMER", "ADMIN");
    private final String shopperToken = TestJwks.shared().token(UUID.randomUUID(), "CUSTOMER");

    public CatalogApi(int port) {
        this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** Points the service under test at the test JWK set. */
    public static void acceptTestTokens(DynamicPropertyRegistry registry) {
        registry.add("kaimono.security.jwt.jwk-set-uri", () -> TestJwks.shared().uri());
    }

    public RestTestClient http() {
        return http;
    }

    public String adminToken() {
        return adminToken;
    }

    public String shopperToken() {
        return shopperToken;
    }

    public RestTestClient.ResponseSpec add(ProductJson product) {
        return http.post().uri("/api/products").header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON).body(product.build()).exchange();
    }

    /** Adds a product that must be accepted, and returns it as the API answered. */
    public Map<String, Object> added(ProductJson product) {
        Map<String, Object> body = add(product).expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        assertThat(body).containsKey("id");
        return body;
    }

    public RestTestClient.ResponseSpec update(Object id, ProductJson product) {
        return http.put().uri("/api/products/{id}", id).header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON).body(product.build()).exchange();
    }

    public RestTestClient.ResponseSpec discontinue(Object id) {
        return http.post().uri("/api/products/{id}/discontinue", id).header("Authorization", "Bearer " + adminToken).exchange();
    }

    public RestTestClient.ResponseSpec get(Object id) {
        return http.get().uri("/api/products/{id}", id).exchange();
    }

    public Map<String, Object> product(Object id) {
        return get(id).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    /** {@code GET /api/products?<query>}, e.g. {@code search("q=matcha&size=5")}. */
    public RestTestClient.ResponseSpec search(String query) {
        return http.get().uri("/api/products?" + query).exchange();
    }

    public Map<String, Object> page(String query) {
        return search(query).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    /** The values of one field of the products on a result page, in order. */
    @SuppressWarnings("unchecked")
    public List<Object> field(Map<String, Object> page, String field) {
        return ((List<Map<String, Object>>) page.get("content")).stream().map(product -> product.get(field)).toList();
    }
}
