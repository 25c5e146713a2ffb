import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./platform demo}: a shopper's journey through the gateway, printed step by step — register,
 * log in, browse, fill the cart, order, watch it confirm, ship and deliver — then a declined card and an
 * order beyond the stock, both compensated. Reads KAIMONO_GATEWAY_URL, KAIMONO_ADMIN_EMAIL/PASSWORD.
 */
public class Demo {

    static final String GATEWAY = System.getenv().getOrDefault("KAIMONO_GATEWAY_URL", "http://127.0.0.1:8080");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String ADDRESS = """
            {"name":"Ann Lee","line1":"1-2-3 Jingumae","city":"Tokyo","postalCode":"150-0001","country":"JP"}""";
    static int step;

    record Reply(int status, String body) {
    }

    public static void main(String[] args) throws Exception {
        String email = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        say("Register a shopper", email);
        expect(call("POST", "/api/users", null, "{\"email\":\"%s\",\"password\":\"correct-horse-42\",\"name\":\"Demo Shopper\"}"
                .formatted(email)), 201);
        say("Log in", "POST /api/auth/token");
        String token = field(expect(call("POST", "/api/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"correct-horse-42\"}".formatted(email)), 200), "access_token");
        String admin = field(expect(call("POST", "/api/auth/token", null, "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(
                System.getenv().getOrDefault("KAIMONO_ADMIN_EMAIL", "admin@kaimono.local"),
                System.getenv().getOrDefault("KAIMONO_ADMIN_PASSWORD", "kaimono-admin"))), 200), "access_token");

        say("Browse: search for matcha", "GET /api/products?q=matcha");
        String page = expect(call("GET", "/api/products?q=matcha", null, null), 200);
        String matcha = field(page, "id");
        say("Product details (catalog + inventory)", "GET /api/product-details/" + matcha);
        String details = expect(call("GET", "/api/product-details/" + matcha, null, null), 200);
        System.out.printf("      %s, ¥%s, %s (%s available)%n", field(details, "name"), field(details, "price"),
                field(details, "availability"), number(details, "available"));

        say("Put 2 in the cart", "PUT /api/cart/items/" + matcha);
        expect(call("PUT", "/api/cart/items/" + matcha, token, "{\"quantity\":2}"), 200);
        say("Order the cart, paying with pm_card_visa", "POST /api/orders");
        String order = field(expect(call("POST", "/api/orders", token,
                "{\"fromCart\":true,\"shippingAddress\":%s,\"paymentMethod\":\"pm_card_visa\"}".formatted(ADDRESS)), 202), "id");
        watch(order, token, "CONFIRMED");

        String shipment = field(awaitBody("/api/shipments?orderId=" + order, admin, "\"id\""), "id");
        say("Warehouse dispatches the shipment (admin)", "POST /api/shipments/" + shipment + "/dispatch");
        expect(call("POST", "/api/shipments/" + shipment + "/dispatch", admin,
                "{\"carrier\":\"Kaimono Express\",\"trackingNumber\":\"KX-%s\"}".formatted(order.substring(0, 8))), 200);
        watch(order, token, "SHIPPED");
        say("Carrier delivers (admin)", "POST /api/shipments/" + shipment + "/deliver");
        expect(call("POST", "/api/shipments/" + shipment + "/deliver", admin, "{}"), 200);
        watch(order, token, "DELIVERED");

        say("Order again with a card that is declined", "paymentMethod pm_card_chargeDeclined");
        String declined = field(expect(call("POST", "/api/orders", token, ("{\"lines\":[{\"productId\":\"%s\",\"quantity\":1}],"
                + "\"shippingAddress\":%s,\"paymentMethod\":\"pm_card_chargeDeclined\"}").formatted(matcha, ADDRESS)), 202), "id");
        watch(declined, token, "CANCELLED");

        say("Order more than the stock holds", "quantity 99");
        String tooMany = field(expect(call("POST", "/api/orders", token, ("{\"lines\":[{\"productId\":\"%s\",\"quantity\":99}],"
                + "\"shippingAddress\":%s,\"paymentMethod\":\"pm_card_visa\"}").formatted(matcha, ADDRESS)), 202), "id");
        watch(tooMany, token, "CANCELLED");

        System.out.println();
        System.out.println("Final states:");
        for (String id : new String[] {order, declined, tooMany}) {
            String body = call("GET", "/api/orders/" + id, token, null).body();
            System.out.printf("  order %s  %-10s %s%n", id, field(body, "status"), optional(body, "cancellationReason"));
        }
    }

    static void watch(String orderId, String token, String expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            String status = field(call("GET", "/api/orders/" + orderId, token, null).body(), "status");
            if (!status.equals(last)) {
                System.out.printf("      order %s is %s%n", orderId.substring(0, 8), status);
                last = status;
            }
            if (status.equals(expected)) {
                return;
            }
            Thread.sleep(300);
        }
        fail("order " + orderId + " did not become " + expected + " within 60 s (last: " + last + ")");
    }

    static String awaitBody(String path, String token, String containing) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Reply reply = call("GET", path, token, null);
            if (reply.status() == 200 && reply.body().contains(containing)) {
                return reply.body();
            }
            Thread.sleep(300);
        }
        fail(path + " did not answer in time");
        return "";
    }

    static void say(String what, String how) {
        System.out.printf("%2d. %-48s %s%n", ++step, what, how);
    }

    static Reply call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(15))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    static String expect(Reply reply, int status) {
        if (reply.status() != status) {
            fail("expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            fail("no \"" + name + "\" in " + json);
        }
        return matcher.group(1);
    }

    static String optional(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : "";
    }

    static String number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\\d+|null)").matcher(json);
        return matcher.find() ? matcher.group(1) : "?";
    }

    static void fail(String message) {
        System.err.println("Demo stopped: " + message);
        System.exit(1);
    }
}
