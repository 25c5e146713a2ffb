package dev.kaimono.gateway;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.kaimono.testsupport.WithInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Kubernetes Spring Boot would let the web server itself believe {@code X-Forwarded-For} and
 * {@code Forwarded} from anyone, turning a client's made-up address into the connection's. The gateway turns
 * that off: the client address stays the rate limiter's decision, from trusted proxies only.
 */
@DirtiesContext
@TestPropertySource(properties = "spring.main.cloud-platform=kubernetes")
@WithInfrastructure(WithInfrastructure.Service.REDIS)
class ForwardedHeadersOnKubernetesIT extends GatewayITSupport {

    @Autowired
    ReactiveStringRedisTemplate redis;

    /** This test context's own prefix (test-support gives each context one, as ./platform gives each environment). */
    @Value("${kaimono.gateway.rate-limit.key-prefix}")
    String keyPrefix;

    @Test
    void believesOnlyTheHopsTrustedProxiesAddedToXForwardedFor() {
        String forged = newClientAddress();
        String real = newClientAddress();

        clientFrom(forged + ", " + real).get().uri("/api/products").exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-RateLimit-Remaining");

        assertThat(bucketExists(real)).as("bucket of the address the trusted proxy saw").isTrue();
        assertThat(bucketExists(forged)).as("bucket of the address the client wrote").isFalse();
    }

    @Test
    void ignoresTheForwardedHeader() {
        String forged = newClientAddress();

        client.get().uri("/api/products")
                .header("Forwarded", "for=\"[" + forged + "]\"")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-RateLimit-Remaining");

        assertThat(bucketExists(clientAddress)).as("bucket of the address the trusted proxy saw").isTrue();
        assertThat(bucketExists(forged)).as("bucket of the address in Forwarded").isFalse();
    }

    private boolean bucketExists(String address) {
        String canonical = new InetSocketAddress(address, 0).getAddress().getHostAddress();
        return Boolean.TRUE.equals(
                redis.hasKey("request_rate_limiter.{" + keyPrefix + "default.ip:" + canonical + "}.tokens").block());
    }
}
