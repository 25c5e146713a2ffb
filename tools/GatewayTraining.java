import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traffic for the gateway's JIT training run (ADR 0036): run by {@code ./platform up} against a gateway that
 * records method profiles into its start-up cache, so that the gateway started from that cache compiles its hot
 * paths from the first minute instead of learning them under the shop's load. The requests are the kinds a
 * shopper sends (anonymous catalog, search, product details and availability reads; the administrator's token on
 * the shopper's reads; a refused order and cart change, which write nothing) and never change the shop.
 * Reads KAIMONO_GATEWAY_URL, KAIMONO_ADMIN_EMAIL, KAIMONO_ADMIN_PASSWORD and KAIMONO_GATEWAY_TRAINING_SECONDS
 * (default 30); prints the answers by status and exits 1 when none was a 2xx.
 */
public class GatewayTraining {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CONNECTIONS = 8;
    private static final String NO_PRODUCT = "00000000-0000-4000-8000-000000000000";

    record Call(String method, String path, String body, boolean withToken) {
    }

    public static void main(String[] args) throws Exception {
        String gateway = System.getenv().getOrDefault("KAIMONO_GATEWAY_URL", "http://127.0.0.1:8080");
        String email = System.getenv().getOrDefault("KAIMONO_ADMIN_EMAIL", "admin@kaimono.local");
        String password = System.getenv().getOrDefault("KAIMONO_ADMIN_PASSWORD", "kaimono-admin");
        Duration length = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("KAIMONO_GATEWAY_TRAINING_SECONDS", "30")));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

        HttpResponse<String> login = http.send(request(gateway, new Call("POST", "/api/auth/token",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), false), null), HttpResponse.BodyHandlers.ofString());
        String token = login.statusCode() == 200 ? field(login.body(), "access_token") : null;
        if (token == null) {
            System.out.println("  (the administrator's login answered " + login.statusCode() + ": only anonymous reads are trained)");
        }
        List<String> products = ids(http.send(request(gateway, new Call("GET", "/api/products?size=20", null, false), null),
                HttpResponse.BodyHandlers.ofString()).body());
        List<Call> calls = calls(products.isEmpty() ? List.of(NO_PRODUCT) : products, token != null);

        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + length.toNanos();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CONNECTIONS; i++) {
                workers.submit(() -> {
                    while (System.nanoTime() < end) {
                        Call call = calls.get(ThreadLocalRandom.current().nextInt(calls.size()));
                        try {
                            int status = http.send(request(gateway, call, token), HttpResponse.BodyHandlers.discarding()).statusCode();
                            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        }
                        catch (java.io.IOException e) {
                            failures.incrementAndGet();
                        }
                        catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        }
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.sum()));
        long total = counted.values().stream().mapToLong(Long::longValue).sum();
        long ok = counted.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue).sum();
        StringBuilder line = new StringBuilder();
        counted.forEach((status, count) -> line.append(' ').append(status).append('×').append(count));
        System.out.printf("  %d requests in %d s:%s%s%n", total, length.toSeconds(), line,
                failures.get() > 0 ? " no answer×" + failures.get() : "");
        if (ok == 0) {
            System.exit(1);
        }
    }

    /** The mix: mostly anonymous reads, as in a shop; each call appears as often as it should be made. */
    private static List<Call> calls(List<String> products, boolean withToken) {
        List<Call> calls = new ArrayList<>();
        for (String id : products) {
            calls.add(new Call("GET", "/api/products/" + id, null, false));
            calls.add(new Call("GET", "/api/product-details/" + id, null, false));
            calls.add(new Call("GET", "/api/inventory/" + id, null, false));
            calls.add(new Call("GET", "/api/products/" + id + "/reviews?size=5", null, false));
        }
        String some = String.join(",", products.subList(0, Math.min(5, products.size())));
        for (int i = 0; i < Math.max(1, products.size() / 2); i++) {
            calls.add(new Call("GET", "/api/products?page=0&size=20", null, false));
            calls.add(new Call("GET", "/api/products?q=tea&size=10", null, false));
            calls.add(new Call("GET", "/api/products?sort=rating,desc&size=10", null, false));
            calls.add(new Call("GET", "/api/inventory?ids=" + some, null, false));
            calls.add(new Call("GET", "/api/products/" + NO_PRODUCT, null, false));
        }
        calls.add(new Call("GET", "/api/categories", null, false));
        if (withToken) {
            for (int i = 0; i < Math.max(1, products.size() / 2); i++) {
                calls.add(new Call("GET", "/api/users/me", null, true));
                calls.add(new Call("GET", "/api/cart", null, true));
                calls.add(new Call("GET", "/api/orders", null, true));
                // Refused by order-service's validation: the request's path through the gateway, no order and no cart line.
                calls.add(new Call("POST", "/api/orders", "{}", true));
                calls.add(new Call("PUT", "/api/cart/items/" + products.getFirst(), "{\"quantity\":-1}", true));
            }
            // Without a token a shopper's read is refused by the gateway itself.
            calls.add(new Call("GET", "/api/orders", null, false));
        }
        return List.copyOf(calls);
    }

    private static HttpRequest request(String gateway, Call call, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + call.path())).timeout(TIMEOUT);
        if (call.withToken() && token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (call.body() == null) {
            return builder.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body())).build();
    }

    private static List<String> ids(String json) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }
}
