package dev.kaimono.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import dev.kaimono.events.UserProfileUpdated;
import dev.kaimono.events.UserRegistered;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.Topology;
import dev.kaimono.testsupport.TestTokens;
import dev.kaimono.testsupport.WithInfrastructure;
import dev.kaimono.user.keys.SigningKeys;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
@ActiveProfiles("local")
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
class UserServiceIT {

    private static final String PASSWORD = "correct-horse-42";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    JwtDecoder jwtDecoder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AmqpAdmin amqpAdmin;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MessageCodec codec;

    RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void registeredShopperLogsInAndReadsTheirProfile() {
        String email = uniqueEmail();

        Map<String, Object> registered = register(email, PASSWORD, "Ann").expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        Map<String, Object> tokens = login(email, PASSWORD);

        assertThat(registered).containsOnlyKeys("id", "email", "name").containsEntry("email", email);
        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900);
        http.get().uri("/api/users/me").header("Authorization", "Bearer " + tokens.get("access_token"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(registered.get("id"))
                .jsonPath("$.name").isEqualTo("Ann");
    }

    @Test
    void registrationAndRenamePublishTheirEventsThroughTheOutbox() {
        Queue probe = new Queue("user-service-it.probe." + UUID.randomUUID(), false, false, false);
        amqpAdmin.declareQueue(probe);
        amqpAdmin.declareBinding(BindingBuilder.bind(probe).to(new TopicExchange(Topology.EVENTS_EXCHANGE)).with("user.*"));
        String email = uniqueEmail();

        Map<String, Object> registered = register(email, PASSWORD, "Ann").expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        Message registeredMessage = rabbit.receive(probe.getName(), 20_000);
        http.put().uri("/api/users/me").header("Authorization", "Bearer " + login(email, PASSWORD).get("access_token"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Ann Lee")).exchange().expectStatus().isOk();
        Message renamedMessage = rabbit.receive(probe.getName(), 20_000);
        amqpAdmin.deleteQueue(probe.getName());

        assertThat(registeredMessage).isNotNull();
        EventEnvelope envelope = codec.decode(registeredMessage.getBody());
        assertThat(registeredMessage.getMessageProperties().getMessageId()).isEqualTo(envelope.eventId().toString());
        assertThat(registeredMessage.getMessageProperties().getType()).isEqualTo("user.registered");
        assertThat(envelope.eventType()).isEqualTo("user.registered");
        assertThat(envelope.eventVersion()).isEqualTo(1);
        assertThat(envelope.source()).isEqualTo("user-service");
        assertThat(envelope.aggregateId()).isEqualTo(registered.get("id"));
        assertThat(envelope.correlationId()).isEqualTo(envelope.eventId());
        assertThat(codec.payload(envelope, UserRegistered.TYPE))
                .satisfies(event -> assertThat(event.email()).isEqualTo(email))
                .satisfies(event -> assertThat(event.userId().toString()).isEqualTo(registered.get("id")));
        assertThat(renamedMessage).isNotNull();
        assertThat(codec.payload(codec.decode(renamedMessage.getBody()), UserProfileUpdated.TYPE).name()).isEqualTo("Ann Lee");
    }

    @Test
    void aRefusedRegistrationPublishesNothing() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Ann").expectStatus().isCreated();
        long before = outboxRows();

        register(email, PASSWORD, "Ann twice").expectStatus().isEqualTo(HttpStatus.CONFLICT);
        register(uniqueEmail(), "password1234", "Weak").expectStatus().isBadRequest();

        assertThat(outboxRows()).isEqualTo(before);
    }

    private long outboxRows() {
        return jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single();
    }

    @Test
    void accessTokenIsAnRs256JwtWithTheAgreedClaimsAndAPublishedKid() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD, "Ann").expectStatus().isCreated();

        SignedJWT jwt = SignedJWT.parse((String) login(email, PASSWORD).get("access_token"));
        Map<String, Object> jwks = http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(TestTokens.AUDIENCE);
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
                .isBetween(Instant.now().plusSeconds(840), Instant.now().plusSeconds(901));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
        assertThat(keys).singleElement().satisfies(key -> assertThat(key)
                .containsEntry("kid", jwt.getHeader().getKeyID())
                .containsEntry("alg", "RS256")
                .doesNotContainKey("d"));
    }

    @Test
    void duplicateEmailInAnyLetterCaseIsAConflict() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Ann").expectStatus().isCreated();

        register(email.toUpperCase(), PASSWORD, "Ann again")
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Email already registered");
    }

    @Test
    void oneEmailRegisteredFourTimesAtOnceMakesOneAccountAndThreeConflicts() throws Exception {
        String email = uniqueEmail();
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService shoppers = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> answers = IntStream.range(0, 4)
                    .mapToObj(shopper -> shoppers.submit((Callable<Integer>) () -> {
                        start.await();
                        return register(shopper % 2 == 0 ? email : email.toUpperCase(), PASSWORD, "Ann " + shopper)
                                .returnResult().getStatus().value();
                    }))
                    .toList();
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE lower(email) = lower(:email)").param("email", email)
                .query(Long.class).single()).isOne();
    }

    @Test
    void invalidRegistrationNamesEveryBadFieldAndStoresNothing() {
        register("not-an-email", "short", " ")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("email", "name", "password"))
                .jsonPath("$.detail").isEqualTo("The request has invalid fields: email, name, password");

        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE email = 'not-an-email'").query(Long.class).single()).isZero();
    }

    @Test
    void commonPasswordIsRefusedNamingThePasswordField() {
        String email = uniqueEmail();

        register(email, "password1234", "Ann")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").isEqualTo("is one of the most commonly used passwords");
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void passwordsBcryptCannotHashAreRefusedNamingThePasswordField() {
        String multiByte = "café-crème-€".repeat(5); // 60 characters, 80 bytes in UTF-8
        String ascii = "correct-horse-".repeat(7); // 98 characters

        for (String password : List.of(multiByte, ascii)) {
            String email = uniqueEmail();
            register(email, password, "Ann")
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[*].field").isEqualTo(List.of("password"))
                    .jsonPath("$.errors[0].message").value(String.class,
                            message -> assertThat(message).startsWith("must be at most 72 bytes long in UTF-8"));
            assertThat(jdbc.sql("SELECT count(*) FROM account WHERE email = :email").param("email", email)
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void breachedPasswordIsRefusedNamingThePasswordField() {
        register(uniqueEmail(), "1qaz2wsx3edc", "Ann")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("password"))
                .jsonPath("$.errors[0].message").isEqualTo("is one of the most commonly used passwords");
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).body("{\"email\":")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body is missing or is not valid JSON");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameRefusal() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Ann").expectStatus().isCreated();

        String wrongPassword = loginAttempt(email, "not-the-password").expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();
        String unknownEmail = loginAttempt(uniqueEmail(), PASSWORD).expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(wrongPassword).contains("Invalid email or password").isEqualTo(unknownEmail);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Ann").expectStatus().isCreated();
        String first = (String) login(email, PASSWORD).get("refresh_token");

        Map<String, Object> rotated = refresh(first).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        String second = (String) rotated.get("refresh_token");

        assertThat(second).isNotEqualTo(first);
        assertThat(jwtDecoder.decode((String) rotated.get("access_token")).getSubject()).isNotBlank();
        refresh(first).expectStatus().isUnauthorized();
        refresh(second).expectStatus().isUnauthorized();
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_token WHERE token_hash IS NOT NULL AND revoked_at IS NULL "
                + "AND account_id = (SELECT id FROM account WHERE email = :email)").param("email", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void profileCanBeRenamedButNotEmptied() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Ann").expectStatus().isCreated();
        String token = (String) login(email, PASSWORD).get("access_token");

        http.put().uri("/api/users/me").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Ann Lee"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Ann Lee");
        http.put().uri("/api/users/me").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", ""))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void forgedExpiredAndForeignTokensAreRefused() {
        RSAKey realKey = signingKeys.active();
        RSAKey impostor = TestTokens.rsaKey(realKey.getKeyID());
        String subject = UUID.randomUUID().toString();
        var expired = TestTokens.claims(subject, "CUSTOMER").expirationTime(Date.from(Instant.now().minusSeconds(120))).build();

        List<String> refused = List.of(
                TestTokens.rs256(impostor, TestTokens.claims(subject, "CUSTOMER").build()),
                TestTokens.rs256(TestTokens.rsaKey("unknown-kid"), TestTokens.claims(subject, "CUSTOMER").build()),
                TestTokens.rs256(realKey, expired),
                TestTokens.rs256(realKey, TestTokens.claims(subject, "CUSTOMER").audience("another-api").build()),
                TestTokens.rs256(realKey, TestTokens.claims(subject, "CUSTOMER").issuer("urn:someone-else").build()),
                TestTokens.hs256(realKey.toPublicJWK().toJSONString().getBytes(), realKey.getKeyID(),
                        TestTokens.claims(subject, "CUSTOMER").build()),
                TestTokens.unsigned(TestTokens.claims(subject, "CUSTOMER").build()),
                "not-a-jwt");

        for (String token : refused) {
            http.get().uri("/api/users/me").header("Authorization", "Bearer " + token)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/api/users/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void administratorIsCreatedFromConfigurationWithTheAdminRole() throws Exception {
        SignedJWT jwt = SignedJWT.parse((String) login("admin@kaimono.local", "kaimono-admin").get("access_token"));

        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("ADMIN", "CUSTOMER");
    }

    @Test
    void deadLettersAreForAdministratorsOnly() {
        String adminToken = (String) login("admin@kaimono.local", "kaimono-admin").get("access_token");
        String email = uniqueEmail();
        register(email, PASSWORD, "Ann").expectStatus().isCreated();
        String shopperToken = (String) login(email, PASSWORD).get("access_token");

        http.get().uri("/api/admin/users/dead-letters").header("Authorization", "Bearer " + adminToken)
                .exchange().expectStatus().isOk().expectBody().json("{}");
        http.get().uri("/api/admin/users/dead-letters").header("Authorization", "Bearer " + shopperToken)
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/admin/users/dead-letters/no-such-queue/replay").header("Authorization", "Bearer " + adminToken)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void readinessIncludesTheDatabaseOnTheManagementPortOnly() {
        RestTestClient management = RestTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();

        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.db.status").isEqualTo("UP");
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health").exchange().expectStatus().isUnauthorized();
    }

    private RestTestClient.ResponseSpec register(String email, String password, String name) {
        return http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password, "name", name))
                .exchange();
    }

    private RestTestClient.ResponseSpec loginAttempt(String email, String password) {
        return http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password))
                .exchange();
    }

    private Map<String, Object> login(String email, String password) {
        return loginAttempt(email, password).expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(JSON).returnResult().getResponseBody();
    }

    private RestTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", refreshToken))
                .exchange();
    }

    private static String uniqueEmail() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }
}
