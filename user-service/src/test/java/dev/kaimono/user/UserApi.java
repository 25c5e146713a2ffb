package dev.kaimono.user;

import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** user-service's public HTTP API as a shopper's client calls it. */
public final class UserApi {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final RestTestClient http;

    public UserApi(int port) {
        this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    public static String uniqueEmail() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }

    public RestTestClient.ResponseSpec register(String email, String password, String name) {
        return post("/api/users", Map.of("email", email, "password", password, "name", name));
    }

    public RestTestClient.ResponseSpec login(String email, String password) {
        return post("/api/auth/token", Map.of("email", email, "password", password));
    }

    /** The refresh token of a successful login. */
    public String refreshTokenOf(String email, String password) {
        return (String) login(email, password).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody()
                .get("refresh_token");
    }

    public RestTestClient.ResponseSpec refresh(String refreshToken) {
        return post("/api/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    public RestTestClient.ResponseSpec logout(String refreshToken) {
        return post("/api/auth/logout", Map.of("refresh_token", refreshToken));
    }

    private RestTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
