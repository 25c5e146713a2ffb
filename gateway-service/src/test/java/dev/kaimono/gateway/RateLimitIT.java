package dev.kaimono.gateway;

import java.net.InetSocketAddress;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.StaticScriptSource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.kaimono.testsupport.WithInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@WithInfrastructure(WithInfrastructure.Service.REDIS)
class RateLimitIT extends GatewayITSupport {

    private static final int LOGIN_BURST = 2;

    @Autowired
    ReactiveStringRedisTemplate redis;

    /** This test context's own prefix (test-support gives each context one, as ./platform gives each environment). */
    @Value("${kaimono.gateway.rate-limit.key-prefix}")
    String keyPrefix;

    @Autowired
    RedisScript<?> redisRequestRateLimiterScript;

    @Test
    void runsTheTokenBucketScriptFromMemoryNotFromTheClassPathOnEveryRequest() {
        // Spring Cloud Gateway's own bean re-reads the jar entry's modification time on every request (ADR 0017).
        assertThat(ReflectionTestUtils.getField(redisRequestRateLimiterScript, "scriptSource"))
                .isInstanceOf(StaticScriptSource.class);

        clientFrom(newClientAddress()).get().uri("/api/products").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "39");
    }

    @Test
    void refusesALoginBurstBeyondTheLoginLimitWithRetryAfterButNotOtherClients() {
        for (int i = 0; i < LOGIN_BURST; i++) {
            login(client).expectStatus().isOk();
        }
        EntityExchangeResult<byte[]> refused = null;
        for (int attempt = 0; attempt < 10 && refused == null; attempt++) {
            EntityExchangeResult<byte[]> result = login(client).expectBody().returnResult();
            if (result.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
                refused = result;
            }
        }

        assertThat(refused).as("a login beyond the burst is refused").isNotNull();
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Burst-Capacity")).isEqualTo("2");
        assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Replenish-Rate")).isEqualTo("1");
        assertThat(new String(refused.getResponseBodyContent()))
                .contains("\"status\":429", "\"instance\":\"/api/auth/token\"");

        login(clientFrom(newClientAddress())).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/users", "/api/auth/logout" })
    void throttlesRegistrationAndLogoutAtTheLoginLimit(String path) {
        for (int i = 0; i < LOGIN_BURST; i++) {
            post(client, path).expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", Integer.toString(LOGIN_BURST));
        }
        HttpStatusCode status = null;
        for (int attempt = 0; attempt < 10 && status != HttpStatus.TOO_MANY_REQUESTS; attempt++) {
            status = post(client, path).expectBody().returnResult().getStatus();
        }

        assertThat(status).as("a request beyond the login burst").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void countsTheReadsTheGatewayConvertsToGrpcAgainstTheSameBudgetAsAnyRoute() {
        client.get().uri("/api/products").exchange().expectStatus().isOk();

        client.get().uri("/api/inventory/" + UUID.randomUUID()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "38");
    }

    @Test
    void reportsTheRemainingBudgetOnAllowedResponses() {
        client.get().uri("/api/products").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "39")
                .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "40")
                .expectHeader().valueEquals("X-RateLimit-Replenish-Rate", "20");
    }

    @Test
    void keysAnAuthenticatedShopperByTokenSubjectAndAnAnonymousOneByAddress() {
        String subject = Tokens.newSubject();
        String token = Tokens.signed(Tokens.CURRENT_KEY, Tokens.claims(subject, "CUSTOMER").build());
        String shopperAddress = newClientAddress();
        clientFrom(shopperAddress).get().uri("/api/cart")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk();
        client.get().uri("/api/products").exchange().expectStatus().isOk();

        assertThat(keyPrefix).as("the context's own Redis key prefix").startsWith("kt_");
        assertThat(bucketExists("user:" + subject)).as("bucket under the prefix").isTrue();
        assertThat(bucketExists("ip:" + canonical(shopperAddress))).isFalse();
        assertThat(bucketExists("ip:" + canonical(clientAddress))).isTrue();
    }

    @Test
    void doesNotLimitLoginsAgainstTheDefaultBudget() {
        login(client).expectStatus().isOk();
        client.get().uri("/api/products").exchange()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "39");
    }

    /** Whether the default policy holds a bucket for the key (RedisRateLimiter's key layout). */
    private boolean bucketExists(String clientKey) {
        return Boolean.TRUE.equals(redis.hasKey("request_rate_limiter.{" + keyPrefix + "default." + clientKey + "}.tokens").block());
    }

    private static String canonical(String address) {
        return new InetSocketAddress(address, 0).getAddress().getHostAddress();
    }

    private static WebTestClient.ResponseSpec login(WebTestClient client) {
        return post(client, "/api/auth/token");
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client, String path) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@b.c\",\"password\":\"secret\"}")
                .exchange();
    }
}
