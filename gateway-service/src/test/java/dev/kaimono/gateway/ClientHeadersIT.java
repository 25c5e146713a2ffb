package dev.kaimono.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.reactive.server.WebTestClient;

import dev.kaimono.testsupport.WithInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers a service could take for the gateway's word (who the caller is, where the request came from) never
 * reach it as the client wrote them. The stand-ins echo every header they receive.
 */
@WithInfrastructure(WithInfrastructure.Service.REDIS)
class ClientHeadersIT extends GatewayITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a client might send to pass for someone else or to make a service build links to its host. */
    private static final Map<String, String> FORGED = Map.ofEntries(
            Map.entry("X-User-Id", "forged-user-id"),
            Map.entry("X-User-Email", "forged-user@example.com"),
            Map.entry("x-user-roles", "forged-user-roles"),
            Map.entry("X-Roles", "ADMIN-forged"),
            Map.entry("Forwarded", "for=203.0.113.66;host=forged.example;proto=https"),
            Map.entry("X-Forwarded-Host", "forged-host.example"),
            Map.entry("X-Forwarded-Proto", "forged-proto"),
            Map.entry("X-Forwarded-Port", "6666"),
            Map.entry("X-Forwarded-Prefix", "/forged-prefix"),
            Map.entry("X-Forwarded-Server", "forged-server"),
            Map.entry("X-Real-IP", "203.0.113.77"));

    @Test
    void passesNoIdentityOrForwardingHeaderOfTheClientToTheService() {
        String token = Tokens.shopper();
        JsonNode received = echo(client.get().uri("/api/orders/7")
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    FORGED.forEach(headers::set);
                }));

        assertThat(received.path("service").asString()).isEqualTo("order-service");
        assertThat(received.path("authorization").asString()).isEqualTo("Bearer " + token);
        assertThat(headerNames(received)).doesNotContain("x-user-id", "x-user-email", "x-user-roles", "x-roles",
                "forwarded", "x-real-ip");
        assertThat(headerValues(received)).noneMatch(value -> value.contains("forged") || value.contains("203.0.113")
                || value.contains("6666") || value.contains(clientAddress.substring(0, 9)));
    }

    @Test
    void passesNoForwardingHeaderOfTheClientOnAnAnonymousRequestEither() {
        JsonNode received = echo(client.post().uri("/api/users")
                .headers(headers -> FORGED.forEach(headers::set)));

        assertThat(received.path("service").asString()).isEqualTo("user-service");
        assertThat(headerNames(received)).noneMatch(name -> name.startsWith("x-user-") || name.equals("x-roles")
                || name.equals("forwarded") || name.equals("x-real-ip"));
        assertThat(headerValues(received)).noneMatch(value -> value.contains("forged") || value.contains("203.0.113"));
    }

    private static JsonNode echo(WebTestClient.RequestHeadersSpec<?> request) {
        byte[] body = request.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        return JSON.readTree(body);
    }

    private static List<String> headerNames(JsonNode received) {
        return new ArrayList<>(received.path("headers").propertyNames());
    }

    private static List<String> headerValues(JsonNode received) {
        List<String> values = new ArrayList<>();
        received.path("headers").forEach(list -> list.forEach(value -> values.add(value.asString())));
        return values;
    }
}
