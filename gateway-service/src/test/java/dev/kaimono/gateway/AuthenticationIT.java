package dev.kaimono.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.observation.SecurityObservationSettings;

import dev.kaimono.testsupport.SecurityObservations;
import dev.kaimono.testsupport.WithInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

@WithInfrastructure(WithInfrastructure.Service.REDIS)
class AuthenticationIT extends GatewayITSupport {

    @Autowired(required = false)
    private SecurityObservationSettings securityObservations;

    @Test
    void runsItsSecurityFiltersWithoutObservationWrappers() {
        SecurityObservations.assertNoneObserved(securityObservations);
    }

    @Test
    void letsAnonymousShoppersBrowseTheCatalog() {
        client.get().uri("/api/products/42").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("catalog-service")
                .jsonPath("$.method").isEqualTo("GET")
                .jsonPath("$.path").isEqualTo("/api/products/42")
                .jsonPath("$.authorization").doesNotExist();
    }

    @Test
    void letsAnonymousShoppersAskForTheCatalogsHeadersOnly() {
        client.head().uri("/api/products/42").exchange()
                .expectStatus().isOk();
        client.head().uri("/api/orders").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void letsAnonymousShoppersRegisterAndRefreshTokens() {
        client.post().uri("/api/users").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("user-service");
        client.post().uri("/api/auth/refresh").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/auth/refresh");
    }

    @Test
    void letsAnonymousShoppersLogOutWithTheirRefreshToken() {
        client.post().uri("/api/auth/logout")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refresh_token\":\"a-refresh-token\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("user-service")
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.path").isEqualTo("/api/auth/logout")
                .jsonPath("$.authorization").doesNotExist();
    }

    @Test
    void refusesAProtectedRouteWithoutTokenWithABearerChallengeProblem() {
        var result = client.get().uri("/api/orders").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.instance").isEqualTo("/api/orders")
                .returnResult();
        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        assertThat(new String(result.getResponseBodyContent())).contains("\"correlationId\":\"" + correlationId + "\"");
    }

    @Test
    void passesAValidTokenAndTheCorrelationIdToTheService() {
        String token = Tokens.shopper();
        var result = client.get().uri("/api/orders/7")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("order-service")
                .jsonPath("$.authorization").isEqualTo("Bearer " + token)
                .returnResult();
        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(new String(result.getResponseBodyContent())).contains("\"correlationId\":\"" + correlationId + "\"");
    }

    @Test
    void acceptsTokensSignedWithAnyPublishedKey() {
        String token = Tokens.signed(Tokens.PREVIOUS_KEY, Tokens.claims(Tokens.newSubject(), "CUSTOMER").build());
        client.get().uri("/api/cart")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("order-service");
    }

    @Test
    void toleratesAClockSkewOfSeconds() {
        Instant justExpired = Instant.now().minus(Duration.ofSeconds(10));
        String token = Tokens.signed(Tokens.CURRENT_KEY, Tokens.claims(Tokens.newSubject(), "CUSTOMER")
                .issueTime(Date.from(justExpired.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(justExpired))
                .build());
        client.get().uri("/api/users/me")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk();
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                argumentSet("expired", (Supplier<String>) Tokens::expired),
                argumentSet("issued by someone else", (Supplier<String>) Tokens::fromOtherIssuer),
                argumentSet("for another audience", (Supplier<String>) Tokens::forOtherAudience),
                argumentSet("alg=none", (Supplier<String>) Tokens::unsigned),
                argumentSet("HS256-signed", (Supplier<String>) Tokens::hmacSigned),
                argumentSet("signed with an unpublished kid", (Supplier<String>) Tokens::withUnknownKid),
                argumentSet("with a forged signature", (Supplier<String>) Tokens::withForgedSignature),
                argumentSet("without expiry", (Supplier<String>) () -> Tokens.signed(Tokens.CURRENT_KEY,
                        Tokens.claims(Tokens.newSubject(), "CUSTOMER").expirationTime(null).build())),
                argumentSet("not a JWT", (Supplier<String>) () -> "not-a-jwt"));
    }

    @ParameterizedTest
    @MethodSource("refusedTokens")
    void refusesInvalidTokensWithAnInvalidTokenProblem(Supplier<String> token) {
        client.get().uri("/api/orders")
                .headers(headers -> headers.setBearerAuth(token.get()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("The access token is invalid or has expired.");
    }

    @Test
    void refusesAShopperOnAdminRoutesWithAForbiddenProblem() {
        String token = Tokens.shopper();
        client.get().uri("/api/admin/orders/sagas")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.instance").isEqualTo("/api/admin/orders/sagas");
        client.post().uri("/api/products")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isForbidden();
        client.put().uri("/api/inventory/42")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void letsAnAdminThroughAdminRoutes() {
        String token = Tokens.admin();
        client.get().uri("/api/admin/orders/sagas")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("order-service");
        client.post().uri("/api/products")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.method").isEqualTo("POST");
        client.put().uri("/api/inventory/42")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("inventory-service");
    }
}
