package dev.kaimono.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The combined API description and its UI, from the stand-ins' descriptions (shipping-service is down). */
class ApiDocsIT extends GatewayITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void combinesTheRoutedPathsOfEveryServiceThatAnsweredWithWhoMayCallThem() {
        JsonNode description = description();
        JsonNode paths = description.path("paths");

        List<String> described = new ArrayList<>();
        paths.properties().forEach(path -> described.add(path.getKey()));
        assertThat(described).containsExactlyInAnyOrder("/api/product-details/{id}", "/api/docs/openapi.json", "/api/docs",
                "/api/users/{id}",
                "/api/products/{id}", "/api/orders/{id}", "/api/inventory/{id}", "/api/payments/{id}");
        assertThat(description.path("x-kaimono-missing").toString()).isEqualTo("[\"shipping-service\"]");
        client.get().uri("/api/docs/openapi.json").exchange()
                .expectHeader().valueEquals("Cache-Control", "no-store");

        assertThat(paths.at("/~1api~1products~1{id}/get/tags/0").asString()).isEqualTo("catalog-service");
        assertThat(paths.at("/~1api~1products~1{id}/get/x-kaimono-access").asString()).isEqualTo("anyone");
        assertThat(paths.at("/~1api~1products~1{id}/get/security").isEmpty()).isTrue();
        assertThat(paths.at("/~1api~1products~1{id}/delete/x-kaimono-access").asString()).isEqualTo("admin");
        assertThat(paths.at("/~1api~1orders~1{id}/delete/x-kaimono-access").asString()).isEqualTo("shopper");
        assertThat(paths.at("/~1api~1orders~1{id}/delete/security/0").has("bearer")).isTrue();
        assertThat(paths.at("/~1api~1product-details~1{id}/get/tags/0").asString()).isEqualTo("gateway-service");
    }

    @Test
    void keepsTheSchemasOfEveryServiceApartWhenTheyShareAName() {
        JsonNode description = description();

        JsonNode schemas = description.path("components").path("schemas");
        assertThat(schemas.path("View").path("properties").has("user-service")).isTrue();
        assertThat(schemas.path("View.catalog-service").path("properties").has("catalog-service")).isTrue();
        assertThat(description.at("/paths/~1api~1products~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/View.catalog-service");
        assertThat(description.at("/paths/~1api~1users~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/View");
    }

    @Test
    void showsTheDescriptionInSwaggerUi() {
        String page = client.get().uri("/api/docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("/api/docs/ui/swagger-ui-bundle.js", "/api/docs/page/start.js");

        client.get().uri("/api/docs/ui/swagger-ui-bundle.js").exchange().expectStatus().isOk();
        client.get().uri("/api/docs/ui/swagger-ui.css").exchange().expectStatus().isOk();
        client.get().uri("/api/docs/page/start.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("/api/docs/openapi.json"));
        client.get().uri("/api/docs/ui/../../../application.yml").exchange().expectStatus().value(status ->
                assertThat(status).isIn(400, 404));
    }

    private JsonNode description() {
        byte[] body = client.get().uri("/api/docs/openapi.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().exists("X-Correlation-Id")
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }
}
