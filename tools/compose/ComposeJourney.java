import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shopper's journey of tools/compose-check, through the published gateway port only: an administrator
 * adds a product and stocks it; a shopper registers, logs in, finds the product, reads its details, fills the
 * cart, orders, sees the order CONFIRMED and paid, cancels it and sees it CANCELLED, refunded and restocked.
 * Exits 0 when every step holds, 1 naming the step that did not. Reads KAIMONO_GATEWAY_URL,
 * KAIMONO_ADMIN_EMAIL, KAIMONO_ADMIN_PASSWORD and KAIMONO_JOURNEY_TIMEOUT (seconds per wait, default 120).
 */
public class ComposeJourney {

    static final String GATEWAY = System.getenv().getOrDefault("KAIMONO_GATEWAY_URL", "http://127.0.0.1:8080");
    static final Duration WAIT = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("KAIMONO_JOURNEY_TIMEOUT", "120")));
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String ADDRESS = """
            {"name":"Ann Lee","line1":"1-2-3 Jingumae","city":"Tokyo","postalCode":"150-0001","country":"JP"}""";
    static int step;

    record Reply(int status, String body) {
    }

    public static void main(String[] args) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);

        say("Administrator logs in", "POST /api/auth/token");
        String admin = field(expect(call("POST", "/api/auth/token", null, "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(
                System.getenv().getOrDefault("KAIMONO_ADMIN_EMAIL", "admin@kaimono.local"),
                System.getenv().getOrDefault("KAIMONO_ADMIN_PASSWORD", "kaimono-admin"))), 200), "access_token");
        say("Administrator adds a product", "POST /api/products");
        String product = field(expect(call("POST", "/api/products", admin, """
                {"sku":"CHK-%s","name":"Gyokuro check%s","description":"Shade-grown gyokuro, compose check %s",\
                "price":"4200","currency":"JPY","categories":["tea"]}""".formatted(run, run, run)), 201), "id");
        say("Administrator stocks it (10)", "PUT /api/inventory/" + product);
        expect(call("PUT", "/api/inventory/" + product, admin, "{\"onHand\":10}"), 200);

        String email = "compose-check-" + run + "@example.com";
        say("Shopper registers", "POST /api/users " + email);
        expect(call("POST", "/api/users", null,
                "{\"email\":\"%s\",\"password\":\"correct-horse-42\",\"name\":\"Compose Check\"}".formatted(email)), 201);
        say("Shopper logs in", "POST /api/auth/token");
        String token = field(expect(call("POST", "/api/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"correct-horse-42\"}".formatted(email)), 200), "access_token");

        say("Shopper searches the catalog", "GET /api/products?q=check" + run);
        await("/api/products?q=check" + run, null, body -> body.contains(product));
        say("Shopper reads the product details", "GET /api/product-details/" + product);
        String details = await("/api/product-details/" + product, null, body -> "10".equals(number(body, "available")));
        System.out.printf("      %s, %s %s, %s available%n", field(details, "name"), field(details, "price"),
                field(details, "currency"), number(details, "available"));

        say("Shopper puts 2 in the cart", "PUT /api/cart/items/" + product);
        expect(call("PUT", "/api/cart/items/" + product, token, "{\"quantity\":2}"), 200);
        say("Shopper orders the cart with pm_card_visa", "POST /api/orders");
        String order = field(expect(call("POST", "/api/orders", token,
                "{\"fromCart\":true,\"shippingAddress\":%s,\"paymentMethod\":\"pm_card_visa\"}".formatted(ADDRESS)), 202), "id");
        say("The order is confirmed", "GET /api/orders/" + order);
        String confirmed = await("/api/orders/" + order, token, body -> status(body, "CONFIRMED"));
        System.out.printf("      total %s %s%n", field(confirmed, "total"), field(confirmed, "currency"));
        say("The payment is completed", "GET /api/payments?orderId=" + order);
        await("/api/payments?orderId=" + order, admin, body -> status(body, "COMPLETED"));
        say("Stock is reserved for it", "GET /api/inventory/" + product);
        await("/api/inventory/" + product, admin, body -> "8".equals(number(body, "available")));

        say("Shopper cancels the order", "POST /api/orders/" + order + "/cancel");
        Reply cancel = call("POST", "/api/orders/" + order + "/cancel", token, "{}");
        if (cancel.status() < 200 || cancel.status() > 202) {
            fail("cancel answered " + cancel.status() + ": " + cancel.body());
        }
        say("The order is cancelled at the shopper's request", "GET /api/orders/" + order);
        await("/api/orders/" + order, token, body -> status(body, "CANCELLED") && body.contains("CUSTOMER_REQUEST"));
        say("The payment is refunded", "GET /api/payments?orderId=" + order);
        await("/api/payments?orderId=" + order, admin, body -> status(body, "REFUNDED"));
        say("The stock is back", "GET /api/inventory/" + product);
        await("/api/inventory/" + product, admin, body -> "10".equals(number(body, "available")));
        System.out.println("Journey complete: order " + order + " confirmed, cancelled, refunded and restocked.");
    }

    /** Polls a GET until its 200 body satisfies the condition, or fails after {@link #WAIT}. */
    static String await(String path, String token, Predicate<String> condition) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call("GET", path, token, null);
            if (last.status() == 200 && condition.test(last.body())) {
                return last.body();
            }
            Thread.sleep(500);
        }
        fail("GET " + path + " did not reach the expected state within " + WAIT.toSeconds() + " s; last answer: "
                + (last == null ? "none" : last.status() + " " + last.body()));
        return "";
    }

    static boolean status(String body, String expected) {
        return body.contains("\"status\":\"" + expected + "\"");
    }

    static void say(String what, String how) {
        System.out.printf("%2d. %-48s %s%n", ++step, what, how);
    }

    /** One call; a 429 is waited out (registration and login share the gateway's login limit). */
    static Reply call(String method, String path, String token, String json) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(20))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                if (attempt >= 3) {
                    fail(method + " " + path + " failed: " + e);
                }
                Thread.sleep(1000);
                continue;
            }
            if (response.statusCode() == 429 && attempt < 5) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.min(seconds, 10) * 1000);
                continue;
            }
            return new Reply(response.statusCode(), response.body());
        }
    }

    static String expect(Reply reply, int status) {
        if (reply.status() != status) {
            fail("expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!matcher.find()) {
            fail("no \"" + name + "\" in " + json);
        }
        return matcher.group(1);
    }

    static String number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\\d+|null)").matcher(json);
        return matcher.find() ? matcher.group(1) : "?";
    }

    static void fail(String message) {
        System.out.println("Journey failed at step " + step + ": " + message);
        System.exit(1);
    }
}
