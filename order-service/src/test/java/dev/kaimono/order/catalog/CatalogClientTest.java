package dev.kaimono.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

import dev.kaimono.order.application.placing.CatalogUnavailableException;
import dev.kaimono.order.domain.ProductId;
import tools.jackson.databind.json.JsonMapper;

/** Several catalog instances over real sockets: one that refuses connections is skipped, a failing answer is not. */
class CatalogClientTest {

    private static final UUID MATCHA = UUID.fromString("a1111111-1111-4111-8111-111111111111");

    private final AtomicInteger asked = new AtomicInteger();
    private volatile int status = 200;
    private HttpServer catalog;

    @BeforeEach
    void startCatalog() throws IOException {
        catalog = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        catalog.createContext("/api/products/batch", exchange -> {
            asked.incrementAndGet();
            byte[] body = """
                    [{"id":"%s","name":"Uji Matcha 100g","price":"3200","currency":"JPY","status":"ACTIVE"}]"""
                    .formatted(MATCHA).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        catalog.start();
    }

    @AfterEach
    void stopCatalog() {
        catalog.stop(0);
    }

    @Test
    void anInstanceThatRefusesConnectionsIsSkippedOnEveryCall() throws IOException {
        CatalogClient client = client(List.of(closedPort(), running()));

        for (int call = 0; call < 4; call++) {
            assertThat(client.described(Set.of(new ProductId(MATCHA)))).containsOnlyKeys(new ProductId(MATCHA));
        }
        assertThat(asked).hasValue(4);
    }

    @Test
    void aFailingAnswerIsNotAskedAgainElsewhere() throws IOException {
        status = 500;
        CatalogClient client = client(List.of(running(), running()));

        assertThatThrownBy(() -> client.described(Set.of(new ProductId(MATCHA))))
                .isInstanceOf(CatalogUnavailableException.class);
        assertThat(asked).hasValue(1);
    }

    @Test
    void whenNoInstanceCanBeReachedTheCatalogIsUnavailable() throws IOException {
        CatalogClient client = client(List.of(closedPort(), closedPort()));

        assertThatThrownBy(() -> client.described(Set.of(new ProductId(MATCHA))))
                .isInstanceOf(CatalogUnavailableException.class);
    }

    private String running() {
        return "http://127.0.0.1:" + catalog.getAddress().getPort();
    }

    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static CatalogClient client(List<String> instances) {
        return new CatalogClient(new StaticListableBeanFactory().getBeanProvider(RestClient.Builder.class),
                JsonMapper.builder().build(), new CatalogProperties(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10), 100),
                instances);
    }
}
