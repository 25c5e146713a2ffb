import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark, not a test: orders per second sustained through the gateway and the latency from
 * {@code POST /api/orders} to {@code CONFIRMED}, against a platform started with {@code ./platform up}.
 * Closed loop: each of SHOPPERS virtual shoppers places an order, polls it every 20 ms until it is confirmed
 * (or cancelled), and places the next, for DURATION seconds. Run: {@code java tools/OrderBenchmark.java
 * [shoppers=8] [seconds=60]}. Reads KAIMONO_GATEWAY_URL, KAIMONO_ADMIN_EMAIL/PASSWORD.
 */
public class OrderBenchmark {

    static final String GATEWAY = System.getenv().getOrDefault("KAIMONO_GATEWAY_URL", "http://127.0.0.1:8080");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String ADDRESS = """
            {"name":"Bench","line1":"1-1 Chiyoda","city":"Tokyo","postalCode":"100-0001","country":"JP"}""";

    record Result(long millis, String status) {
    }

    public static void main(String[] args) throws Exception {
        int shoppers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String admin = login(System.getenv().getOrDefault("KAIMONO_ADMIN_EMAIL", "admin@kaimono.local"),
                System.getenv().getOrDefault("KAIMONO_ADMIN_PASSWORD", "kaimono-admin"));
        String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String product = field(call("POST", "/api/products", admin, """
                {"sku":"%s","name":"Benchmark Tea","description":"bench","price":"1000","currency":"JPY","categories":["bench"]}"""
                .formatted(sku)).body(), "id");
        call("PUT", "/api/inventory/" + product, admin, "{\"onHand\":1000000}");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            String email = "bench-" + UUID.randomUUID() + "@example.com";
            register(email);
            tokens.add(login(email, "correct-horse-42"));
        }
        System.out.printf("%d shoppers, %d s, product %s%n", shoppers, seconds, product);

        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (String token : tokens) {
                running.add(workers.submit(() -> {
                    while (System.nanoTime() < end) {
                        results.add(placeAndAwait(token, product));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> confirmed = results.stream().filter(r -> r.status().equals("CONFIRMED")).map(Result::millis).sorted().toList();
        System.out.printf("orders: %d (%d confirmed, %d other) in %.1f s = %.1f orders/s confirmed%n", results.size(),
                confirmed.size(), results.size() - confirmed.size(), elapsed, confirmed.size() / elapsed);
        if (!confirmed.isEmpty()) {
            System.out.printf("POST -> CONFIRMED: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", pct(confirmed, 50),
                    pct(confirmed, 95), pct(confirmed, 99), confirmed.get(confirmed.size() - 1));
        }
    }

    static Result placeAndAwait(String token, String product) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> placed = call("POST", "/api/orders", token,
                "{\"lines\":[{\"productId\":\"%s\",\"quantity\":1}],\"shippingAddress\":%s,\"paymentMethod\":\"pm_card_visa\"}"
                        .formatted(product, ADDRESS));
        if (placed.statusCode() == 429) {
            Thread.sleep(1000);
            return new Result(0, "THROTTLED");
        }
        String id = field(placed.body(), "id");
        long deadline = start + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> order = call("GET", "/api/orders/" + id, token, null);
            String status = order.statusCode() == 200 ? field(order.body(), "status") : "PENDING";
            if (!status.equals("PENDING")) {
                return new Result((System.nanoTime() - start) / 1_000_000, status);
            }
            Thread.sleep(20);
        }
        return new Result(60_000, "TIMEOUT");
    }

    static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percentile / 100.0) - 1));
    }

    /** Registration shares the gateway's login limit (1/s, burst 5, per client): wait out a 429. */
    static void register(String email) throws Exception {
        while (true) {
            HttpResponse<String> reply = call("POST", "/api/users", null,
                    "{\"email\":\"%s\",\"password\":\"correct-horse-42\",\"name\":\"Bench\"}".formatted(email));
            if (reply.statusCode() == 201) {
                return;
            }
            if (reply.statusCode() != 429) {
                throw new IllegalStateException("registration answered " + reply.statusCode() + ": " + reply.body());
            }
            Thread.sleep(1100);
        }
    }

    static String login(String email, String password) throws Exception {
        while (true) {
            HttpResponse<String> reply = call("POST", "/api/auth/token", null,
                    "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
            if (reply.statusCode() == 200) {
                return field(reply.body(), "access_token");
            }
            if (reply.statusCode() != 429) {
                throw new IllegalStateException("login answered " + reply.statusCode() + ": " + reply.body());
            }
            Thread.sleep(1100);
        }
    }

    static HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return matcher.group(1);
    }
}
