package dev.kaimono.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.kaimono.testsupport.WithInfrastructure;

/**
 * The gateway closes a connection to a service that sat idle longer than its pool's max idle time, rather than keep
 * it until the service closes it: a request taken from the pool just as the service closes the connection fails, and
 * the shopper gets a 502 (seen under load: the services' Tomcat closes a connection idle for 60 s, ADR 0035).
 * Both pools are covered: the routes' (a product page) and the gateway's own calls' (product details). catalog-service
 * is played by a plain socket server that answers every request on a kept-alive connection and notes when the
 * gateway closes one.
 */
@WithInfrastructure(WithInfrastructure.Service.REDIS)
class IdleConnectionsIT extends GatewayITSupport {

    private static final Duration MAX_IDLE = Duration.ofMillis(400);

    private static final KeptAliveCatalog CATALOG = KeptAliveCatalog.start();

    @DynamicPropertySource
    static void catalogThatKeepsConnectionsOpen(DynamicPropertyRegistry registry) {
        registry.add("kaimono.services.catalog", () -> "http://127.0.0.1:" + CATALOG.port());
        registry.add("spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time", () -> MAX_IDLE.toMillis() + "ms");
        registry.add("spring.cloud.gateway.server.webflux.httpclient.pool.eviction-interval", () -> "100ms");
    }

    @AfterAll
    static void stopCatalog() throws IOException {
        CATALOG.close();
    }

    @BeforeEach
    void forgetEarlierConnections() {
        CATALOG.closedByGateway.clear();
    }

    @Test
    void closesARoutedConnectionIdleLongerThanTheMaxIdleTime() throws InterruptedException {
        client.get().uri("/api/products/" + UUID.randomUUID()).exchange().expectStatus().isOk();

        assertClosedByTheGatewayAfterItsIdleTime();
    }

    @Test
    void closesAConnectionOfItsOwnCallsIdleLongerThanTheMaxIdleTime() throws InterruptedException {
        client.get().uri("/api/product-details/" + UUID.randomUUID()).exchange().expectStatus().isOk();

        assertClosedByTheGatewayAfterItsIdleTime();
    }

    private static void assertClosedByTheGatewayAfterItsIdleTime() throws InterruptedException {
        Duration idle = CATALOG.closedByGateway.poll(10, TimeUnit.SECONDS);
        assertThat(idle).as("how long the connection was idle before the gateway closed it (null: still open after 10 s)")
                .isNotNull()
                .isGreaterThanOrEqualTo(MAX_IDLE.minusMillis(50));
    }

    /** A catalog stand-in on a plain socket: 200 with a small product for every request, connections kept alive. */
    private static final class KeptAliveCatalog implements AutoCloseable {

        private final ServerSocket server;
        final BlockingQueue<Duration> closedByGateway = new LinkedBlockingQueue<>();

        private KeptAliveCatalog(ServerSocket server) {
            this.server = server;
        }

        static KeptAliveCatalog start() {
            try {
                KeptAliveCatalog catalog = new KeptAliveCatalog(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
                Thread.ofVirtual().name("kept-alive-catalog").start(catalog::accept);
                return catalog;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket connection = server.accept();
                    Thread.ofVirtual().start(() -> serve(connection));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        /** Answers each request; when the gateway closes the connection, notes how long it had been idle. */
        private void serve(Socket connection) {
            try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
                long lastAnswer = System.nanoTime();
                StringBuilder head = new StringBuilder();
                int read;
                while ((read = in.read()) >= 0) {
                    head.append((char) read);
                    if (head.toString().endsWith("\r\n\r\n")) {
                        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Kept alive\"}";
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                                + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        head.setLength(0);
                        lastAnswer = System.nanoTime();
                    }
                }
                closedByGateway.add(Duration.ofNanos(System.nanoTime() - lastAnswer));
            } catch (IOException reset) {
                // a reset is a close too, but not the orderly one this test waits for
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
