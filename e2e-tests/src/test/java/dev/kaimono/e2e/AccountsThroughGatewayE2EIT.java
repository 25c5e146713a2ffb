package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import com.nimbusds.jose.jwk.RSAKey;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.kaimono.events.UserRegistered;
import dev.kaimono.load.faults.BrokerConnections;
import dev.kaimono.testsupport.BrokerProbe;
import dev.kaimono.testsupport.TestTokens;

/**
 * A shopper's first steps through the gateway of the real, separately started services, and the
 * refusals an attacker meets. The login burst and the stopped service come last: the burst empties this
 * client's login bucket, and the stopped service is started again afterwards.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountsThroughGatewayE2EIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PASSWORD = "correct-horse-42";

    private RunningPlatform platform;
    private Gateway gateway;
    private String shopperId;
    private String shopperToken;

    @BeforeAll
    void shopper(RunningPlatform platform) {
        this.platform = platform;
        this.gateway = new Gateway(platform.gatewayUrl());
        String email = uniqueEmail();
        Gateway.Response registered = register(email, "Ann");
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        shopperId = registered.body().get("id").asString();
        shopperToken = login(email, PASSWORD).body().get("access_token").asString();
    }

    @Test
    @Order(1)
    void shopperRegistersLogsInAndReadsTheirProfile() {
        String email = uniqueEmail();

        Gateway.Response registered = register(email, "Bea");
        Gateway.Response token = login(email, PASSWORD);
        Gateway.Response me = gateway.get("/api/users/me", token.body().get("access_token").asString());

        assertThat(registered.status()).isEqualTo(201);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.body().get("expires_in").asInt()).isEqualTo(900);
        assertThat(token.body().get("refresh_token").asString()).isNotBlank();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("id").asString()).isEqualTo(registered.body().get("id").asString());
        assertThat(me.body().get("email").asString()).isEqualTo(email);
        assertThat(me.header("X-Correlation-Id")).isPresent();
    }

    @Test
    @Order(2)
    void registrationPublishesUserRegisteredWithTheEnvelopeOnTheEventsExchange() throws Exception {
        CachingConnectionFactory broker = new CachingConnectionFactory(BrokerConnections.to(platform.virtualHost()));
        try (BrokerProbe probe = BrokerProbe.on(broker).named("e2e").of(UserRegistered.TYPE).open()) {
            String email = uniqueEmail();
            String userId = register(email, "Eve").body().get("id").asString();

            // The envelope as it travels, field by field: what any consumer, in any language, reads.
            byte[] body = probe.awaitAtLeast(1, UserRegistered.TYPE, BrokerProbe.about(UUID.fromString(userId))).getFirst()
                    .message().getBody();
            JsonNode envelope = JSON.readTree(body);

            assertThat(envelope.get("eventType").asString()).isEqualTo("user.registered");
            assertThat(envelope.get("eventVersion").asInt()).isEqualTo(1);
            assertThat(envelope.get("source").asString()).isEqualTo("user-service");
            assertThat(envelope.get("eventId").asString()).isNotBlank();
            assertThat(envelope.get("occurredAt").asString()).isNotBlank();
            assertThat(envelope.get("correlationId").asString()).isNotBlank();
            assertThat(envelope.has("causationId")).isTrue();
            assertThat(envelope.get("data").get("email").asString()).isEqualTo(email);
            assertThat(envelope.get("data").get("userId").asString()).isEqualTo(userId);
        } finally {
            broker.destroy();
        }
    }

    @Test
    @Order(2)
    void duplicateRegistrationIsAConflict() {
        String email = uniqueEmail();
        register(email, "Cy");

        Gateway.Response again = register(email, "Cy again");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(3)
    void wrongPasswordIsUnauthorized() {
        String email = uniqueEmail();
        register(email, "Di");

        Gateway.Response refused = login(email, "not-her-password");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("detail").asString()).isEqualTo("Invalid email or password");
    }

    @Test
    @Order(4)
    void expiredForgedUnsignedAndForeignTokensAreRefusedAtTheGateway() {
        RSAKey realKey = platform.signingKey();
        Map<String, String> tokens = Map.of(
                "expired", TestTokens.rs256(realKey, TestTokens.claims(shopperId, "CUSTOMER")
                        .issueTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                        .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10)))).build()),
                "forged", TestTokens.rs256(TestTokens.rsaKey(realKey.getKeyID()), TestTokens.claims(shopperId, "ADMIN").build()),
                "unknown kid", TestTokens.rs256(TestTokens.rsaKey("no-such-kid"), TestTokens.claims(shopperId, "CUSTOMER").build()),
                "alg=none", TestTokens.unsigned(TestTokens.claims(shopperId, "ADMIN").build()),
                "HMAC", TestTokens.hs256(realKey.toPublicJWK().toJSONString().getBytes(), realKey.getKeyID(),
                        TestTokens.claims(shopperId, "ADMIN").build()),
                "wrong audience", TestTokens.rs256(realKey, TestTokens.claims(shopperId, "CUSTOMER").audience("another-api").build()));

        tokens.forEach((kind, token) -> {
            Gateway.Response refused = gateway.get("/api/users/me", token);
            assertThat(refused.status()).as(kind).isEqualTo(401);
            assertThat(refused.header("Content-Type")).as(kind).hasValue("application/problem+json");
        });
        assertThat(gateway.get("/api/users/me", TestTokens.rs256(realKey, TestTokens.claims(shopperId, "CUSTOMER").build())).status())
                .as("the same claims, honestly signed").isEqualTo(200);
    }

    @Test
    @Order(5)
    void shopperOnAnAdminRouteIsForbidden() {
        Gateway.Response forbidden = gateway.post("/api/products", Map.of("sku", "KM-1", "name", "Tea"), shopperToken);

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(6)
    void loginBurstPastTheLimitIsThrottled() {
        List<Gateway.Response> responses = new ArrayList<>();
        long start = System.nanoTime();
        for (int attempt = 0; attempt < RunningPlatform.LOGIN_BURST * 3; attempt++) {
            responses.add(login("nobody-" + attempt + "@example.com", "wrong-password-1"));
        }
        long refilled = Duration.ofNanos(System.nanoTime() - start).toSeconds() + 1; // one token per second

        Gateway.Response throttled = responses.stream().filter(response -> response.status() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 in " + responses.stream().map(Gateway.Response::status).toList()));
        assertThat(throttled.header("Retry-After")).isPresent();
        assertThat(throttled.header("X-RateLimit-Remaining")).hasValue("0");
        assertThat(throttled.header("Content-Type")).hasValue("application/problem+json");
        assertThat(responses.stream().filter(response -> response.status() == 401).count())
                .isLessThanOrEqualTo(RunningPlatform.LOGIN_BURST + refilled);
        assertThat(gateway.get("/api/users/me", shopperToken).status()).as("other routes stay open").isEqualTo(200);
    }

    @Test
    @Order(7)
    void stoppedServiceGivesServiceUnavailableRatherThanATimeout() throws Exception {
        platform.stop("order-service");
        Gateway.Response unavailable;
        try {
            unavailable = gateway.get("/api/orders", shopperToken);
        } finally {
            platform.startMissing();
        }

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Content-Type")).hasValue("application/problem+json");
        assertThat(unavailable.body().get("status").asInt()).isEqualTo(503);
    }

    /** Registers from a client address of its own, so this class's login budget stays for the login tests. */
    private Gateway.Response register(String email, String name) {
        return gateway.asAnotherClient().post("/api/users", Map.of("email", email, "password", PASSWORD, "name", name), null);
    }

    private Gateway.Response login(String email, String password) {
        return gateway.post("/api/auth/token", Map.of("email", email, "password", password), null);
    }

    private static String uniqueEmail() {
        return "e2e-" + UUID.randomUUID() + "@example.com";
    }
}
