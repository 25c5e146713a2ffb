package dev.kaimono.gateway;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts the gateway in front of {@link StubServices} (shared by every integration test of the JVM, so the
 * Spring context is shared too). Each test gets a client with its own made-up client address, sent through
 * {@code X-Forwarded-For} from a trusted local proxy, so its rate-limit buckets are its own even though Redis
 * is shared between tests and test runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        // Expected in these tests: the warnings logged for unreachable, slow and broken services.
        "logging.level.dev.kaimono.gateway.error=error",
        "logging.level.dev.kaimono.gateway.ratelimit=error",
        "logging.level.reactor.netty.http.client=error" })
abstract class GatewayITSupport {

    static final StubServices STUBS = StubServices.start(Tokens.publishedKeys());

    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);


    @LocalServerPort
    int port;

    WebTestClient client;

    String clientAddress;

    @DynamicPropertySource
    static void gatewayInFrontOfStubs(DynamicPropertyRegistry registry) {
        // Through the variables deployments set, so that a test class can still point one service elsewhere
        // with kaimono.services.<service>: properties of the same source registered by a superclass win.
        for (String service : new String[] { "user", "catalog", "order", "inventory", "payment", "shipping" }) {
            registry.add(service.toUpperCase(Locale.ROOT) + "_SERVICE_URL", () -> STUBS.uri(service).toString());
        }
        registry.add("kaimono.security.jwt.jwk-set-uri", () -> STUBS.jwkSetUri().toString());
        // Two gRPC instances of inventory, the first of them down: every call that tries it goes on to the other.
        // (The variable, so that a test class can still set kaimono.gateway.grpc.inventory.)
        registry.add("KAIMONO_GATEWAY_GRPC_INVENTORY",
                () -> StubServices.closedUri().getAuthority() + "," + STUBS.stockLookup().address());
        registry.add("kaimono.gateway.trusted-proxies", () -> "127.0.0.1,::1");
        // A test class that holds calls open for longer sets kaimono.test.response-timeout (a context of its own).
        registry.add("kaimono.gateway.routing.response-timeout",
                () -> "${kaimono.test.response-timeout:" + RESPONSE_TIMEOUT.toMillis() + "ms}");
        registry.add("kaimono.gateway.routing.circuit-breaker.sliding-window-size", () -> "4");
        registry.add("kaimono.gateway.routing.circuit-breaker.minimum-number-of-calls", () -> "4");
        registry.add("kaimono.gateway.routing.circuit-breaker.wait-duration-in-open-state", () -> "60s");
        // Every limit here, not only the ones that differ from application.yml: these properties outrank the
        // KAIMONO_GATEWAY_RATELIMIT_* variables a shell may hold for a load test, which would otherwise lift them.
        registry.add("kaimono.gateway.rate-limit.default.replenish-rate", () -> "20");
        registry.add("kaimono.gateway.rate-limit.default.burst-capacity", () -> "40");
        registry.add("kaimono.gateway.rate-limit.login.replenish-rate", () -> "1");
        registry.add("kaimono.gateway.rate-limit.login.burst-capacity", () -> "2");
        registry.add("kaimono.gateway.product-details.inventory-timeout", () -> "300ms");
    }

    @BeforeEach
    void clientWithItsOwnAddress() {
        clientAddress = newClientAddress();
        client = clientFrom(clientAddress);
    }

    WebTestClient clientFrom(String address) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .defaultHeader("X-Forwarded-For", address)
                .build();
    }

    /** An address from the IPv6 documentation range, unique enough to own its rate-limit buckets. */
    static String newClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:%x:%x:%x:%x:%x:%x".formatted(random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(0x10000));
    }
}
