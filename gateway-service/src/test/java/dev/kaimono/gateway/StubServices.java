package dev.kaimono.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stand-ins for the six services on random local ports (and for inventory's gRPC API, {@link StubStockLookup}), each answering with what it received (service,
 * method, path, {@code X-Correlation-Id}, {@code Authorization}, every header by its lower-case name, and the
 * length of the body) as JSON, and keeping a note of every request they read to the end
 * ({@link #received(String)}). user-service also publishes the JWK set. Paths ending in {@code /slow} answer
 * only when {@link #releaseSlowResponses()} is called, paths ending in {@code /busy} only when the current
 * {@link #holdBusyResponses() hold} is released, paths ending in {@code /broken} drop the connection without an
 * answer, paths ending in {@code /garbled} answer with headers too large to read, paths ending in {@code /fail}
 * answer 500. shipping-service is down: its URI is a closed
 * port, though a running stand-in for it is there too ({@link #runningUri(String)}) for tests that need one.
 */
public final class StubServices {

    public static final String DOWN_SERVICE = "shipping";

    /** A product catalog-service does not know: any path naming it answers 404. */
    public static final String MISSING_PRODUCT = "00000000-0000-0000-0000-000000000404";

    /** A product whose stock inventory-service is too slow to report (it answers after 5 s at the earliest). */
    public static final String STALLED_STOCK_PRODUCT = "5a11ed00-0000-4000-8000-000000000000";

    /** What the inventory stand-in reports as available for every other product. */
    public static final int AVAILABLE = 7;

    /** A product catalog-service describes in more bytes (1 MiB) than anyone should hold in memory for it. */
    public static final String HUGE_PRODUCT = "b16b16b1-0000-4000-8000-000000000000";

    private static final int HUGE_BODY_BYTES = 1024 * 1024;

    /** More than an HTTP client reads of a response's headers (Reactor Netty: 8 KiB). */
    private static final int GARBLED_HEADER_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, URI> uris = new LinkedHashMap<>();
    private final Map<String, URI> running = new LinkedHashMap<>();
    private final CountDownLatch slowResponses = new CountDownLatch(1);
    private final CountDownLatch neverReleased = new CountDownLatch(1);
    private final AtomicReference<Hold> busy = new AtomicReference<>(Hold.RELEASED);
    private final StubStockLookup stockLookup = StubStockLookup.start();

    private StubServices() {
    }

    public static StubServices start(JWKSet publishedKeys) {
        StubServices stubs = new StubServices();
        for (String service : new String[] { "user", "catalog", "order", "inventory", "payment", "shipping" }) {
            URI uri = stubs.serve(service + "-service", publishedKeys);
            stubs.running.put(service, uri);
            stubs.uris.put(service, uri);
        }
        stubs.uris.put(DOWN_SERVICE, URI.create("http://127.0.0.1:" + closedPort()));
        return stubs;
    }

    /** inventory-service's gRPC API, which the gateway converts the availability reads to. */
    StubStockLookup stockLookup() {
        return stockLookup;
    }

    /** Where the gateway finds the service: a closed port for {@link #DOWN_SERVICE}. */
    public URI uri(String service) {
        return Objects.requireNonNull(uris.get(service), service);
    }

    /** Where the service's stand-in answers, the down service's included. */
    public URI runningUri(String service) {
        return Objects.requireNonNull(running.get(service), service);
    }

    public URI jwkSetUri() {
        return uri("user").resolve("/.well-known/jwks.json");
    }

    /** The requests for the path that stand-ins received in full, body included. */
    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    public void releaseSlowResponses() {
        slowResponses.countDown();
    }

    /**
     * Holds every {@code /busy} answer until the hold is closed: a healthy service that is busy, with calls in
     * flight for as long as the test wants (which must be less than the gateway's response timeout).
     */
    public Hold holdBusyResponses() {
        Hold hold = new Hold();
        busy.set(hold);
        return hold;
    }

    /** Busy answers held back until {@link #close()}; counts the calls it holds back. */
    public static final class Hold implements AutoCloseable {

        static final Hold RELEASED = new Hold();

        static {
            RELEASED.close();
        }

        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger held = new AtomicInteger();

        private Hold() {
        }

        /** The calls that have reached the service and wait for their answer. */
        public int held() {
            return held.get();
        }

        void await() {
            held.incrementAndGet();
            awaitQuietly(release, 30);
        }

        @Override
        public void close() {
            release.countDown();
        }
    }

    private URI serve(String serviceId, JWKSet publishedKeys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> answer(serviceId, publishedKeys, exchange));
            server.start();
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(String serviceId, JWKSet publishedKeys, HttpExchange exchange) throws IOException {
        try (exchange) {
            int bodyLength = exchange.getRequestBody().readAllBytes().length;
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(serviceId, exchange.getRequestMethod(), path, bodyLength));
            if (path.equals("/.well-known/jwks.json") && serviceId.equals("user-service")) {
                send(exchange, 200, "application/json", publishedKeys.toString());
            }
            else if (path.equals("/v3/api-docs")) {
                send(exchange, 200, "application/json", description(serviceId));
            }
            else if (path.contains(MISSING_PRODUCT)) {
                send(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
            }
            else if (path.endsWith("/broken")) {
                return;
            }
            else if (path.endsWith("/garbled")) {
                exchange.getResponseHeaders().set("X-Garbled", "x".repeat(GARBLED_HEADER_BYTES));
                send(exchange, 200, "application/json", "{}");
            }
            else if (path.contains(HUGE_PRODUCT) && serviceId.equals("catalog-service")) {
                send(exchange, 200, "application/json",
                        "{\"id\":\"" + HUGE_PRODUCT + "\",\"description\":\"" + "x".repeat(HUGE_BODY_BYTES) + "\"}");
            }
            else if (path.endsWith("/fail")) {
                send(exchange, 500, "application/problem+json",
                        "{\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"failed inside " + serviceId
                                + "\"}");
            }
            else {
                if (path.endsWith("/slow")) {
                    awaitRelease();
                }
                if (path.endsWith("/busy")) {
                    busy.get().await();
                }
                if (serviceId.equals("inventory-service") && path.contains(STALLED_STOCK_PRODUCT)) {
                    awaitQuietly(neverReleased, 5);
                }
                Map<String, Object> echo = new LinkedHashMap<>();
                echo.put("service", serviceId);
                echo.put("method", exchange.getRequestMethod());
                echo.put("path", path);
                echo.put("correlationId", exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
                echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
                echo.put("headers", headers(exchange));
                echo.put("bodyLength", bodyLength);
                if (serviceId.equals("inventory-service")) {
                    echo.put("available", AVAILABLE);
                }
                send(exchange, 200, "application/json", JSON.writeValueAsString(echo));
            }
        }
    }

    /**
     * A service's API description: {@code GET} and {@code DELETE} on {@code /api/<resource>/{id}} answering a
     * {@code View} schema of the service's own shape, the description's own path (never routed), and for catalog
     * its internal batch lookup.
     */
    static String description(String serviceId) {
        Map<String, Object> view = Map.of("content", Map.of("application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/View"))), "description", "ok");
        Map<String, Object> operation = Map.of("responses", Map.of("200", view));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/api/" + DESCRIBED_RESOURCES.get(serviceId) + "/{id}", Map.of("get", operation, "delete", operation));
        paths.put("/v3/api-docs", Map.of("get", operation));
        if (serviceId.equals("catalog-service")) {
            paths.put("/api/products/batch", Map.of("get", operation));
        }
        Map<String, Object> ownView = Map.of("type", "object", "properties", Map.of(serviceId, Map.of("type", "string")));
        return JSON.writeValueAsString(Map.of("openapi", "3.1.0", "paths", paths,
                "components", Map.of("schemas", Map.of("View", ownView))));
    }

    /** The resource each stand-in describes. */
    static final Map<String, String> DESCRIBED_RESOURCES = Map.of("user-service", "users", "catalog-service", "products",
            "order-service", "orders", "inventory-service", "inventory", "payment-service", "payments",
            "shipping-service", "shipments");

    /** A request a stand-in read to the end of its body. */
    public record Received(String service, String method, String path, int bodyLength) {
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return headers;
    }

    private void awaitRelease() {
        awaitQuietly(slowResponses, 30);
    }

    private static void awaitQuietly(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** An address where nothing listens: connecting to it is refused. */
    public static URI closedUri() {
        return URI.create("http://127.0.0.1:" + closedPort());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
