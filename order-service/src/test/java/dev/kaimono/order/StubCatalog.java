package dev.kaimono.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for catalog-service's {@code GET /api/products/batch?ids=…} on a JDK HTTP server: answers the
 * known products among the ids as a JSON array (prices as strings, like catalog-service), or 500 while
 * {@link #failing} is set.
 */
final class StubCatalog {

    private static StubCatalog shared;

    static final UUID MATCHA = UUID.fromString("a1111111-1111-4111-8111-111111111111");
    static final UUID WHISK = UUID.fromString("a2222222-2222-4222-8222-222222222222");
    static final UUID KYUSU = UUID.fromString("a3333333-3333-4333-8333-333333333333");
    static final UUID RETIRED_BOWL = UUID.fromString("a4444444-4444-4444-8444-444444444444");
    static final UUID PARIS_TEA = UUID.fromString("a5555555-5555-4555-8555-555555555555");

    private final Map<UUID, String> products = new ConcurrentHashMap<>();
    private final HttpServer server;
    private volatile boolean failing;

    private StubCatalog() {
        add(MATCHA, "Uji Matcha 100g", "3200", "JPY", "ACTIVE");
        add(WHISK, "Bamboo Whisk", "2800", "JPY", "ACTIVE");
        add(KYUSU, "Kyusu Teapot 300ml", "6800", "JPY", "ACTIVE");
        add(RETIRED_BOWL, "Matcha Bowl", "5400", "JPY", "DISCONTINUED");
        add(PARIS_TEA, "Thé de Paris", "12.50", "EUR", "ACTIVE");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/products/batch", this::batch);
        server.start();
    }

    static synchronized StubCatalog shared() {
        if (shared == null) {
            shared = new StubCatalog();
        }
        return shared;
    }

    String baseUrl() {
        return "http://%s:%d".formatted(server.getAddress().getHostString(), server.getAddress().getPort());
    }

    void failing(boolean fail) {
        this.failing = fail;
    }

    private void add(UUID id, String name, String price, String currency, String status) {
        products.put(id, """
                {"id":"%s","sku":"SKU-%s","name":"%s","price":"%s","currency":"%s","status":"%s","categories":["tea"]}"""
                .formatted(id, id.toString().substring(0, 4), name, price, currency, status));
    }

    private void batch(HttpExchange exchange) throws IOException {
        if (failing) {
            respond(exchange, 500, "{\"title\":\"Internal Server Error\"}");
            return;
        }
        String query = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
        String ids = Arrays.stream(query.split("&")).filter(part -> part.startsWith("ids="))
                .map(part -> URLDecoder.decode(part.substring(4), StandardCharsets.UTF_8)).findFirst().orElse("");
        String body = Arrays.stream(ids.split(",")).filter(id -> !id.isBlank()).map(id -> products.get(UUID.fromString(id.strip())))
                .filter(Objects::nonNull).collect(Collectors.joining(",", "[", "]"));
        respond(exchange, 200, body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
