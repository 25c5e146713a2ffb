package dev.kaimono.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With Redis unreachable the gateway keeps routing, unlimited, instead of failing. Its context is not reused. */
@DirtiesContext
// Lettuce's handshake timer for the refused connection may fire after shutdown and log a harmless ERROR.
@TestPropertySource(properties = "logging.level.io.netty.util.concurrent.DefaultPromise.rejectedExecution=off")
class RateLimitFailOpenIT extends GatewayITSupport {

    @DynamicPropertySource
    static void redisDown(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> Integer.toString(closedPort));
        registry.add("logging.structured.format.console", () -> "");
    }

    @Test
    void letsRequestsThroughUnlimitedWhileRedisIsDown() {
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            client.post().uri("/api/auth/token").exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist("X-RateLimit-Remaining")
                    .expectBody().jsonPath("$.service").isEqualTo("user-service");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
