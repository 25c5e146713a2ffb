package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The people of the e2e journeys: the administrator and freshly registered shoppers. */
final class Actors {

    static final String PASSWORD = "correct-horse-42";

    record Shopper(String id, String email, String token) {
    }

    private Actors() {
    }

    static String adminToken(Gateway gateway) {
        Gateway.Response login = gateway.post("/api/auth/token",
                Map.of("email", RunningPlatform.ADMIN_EMAIL, "password", RunningPlatform.ADMIN_PASSWORD), null);
        assertThat(login.status()).as("admin login: %s", login.body()).isEqualTo(200);
        return login.body().get("access_token").asString();
    }

    /** Registers and logs in a shopper from an address of their own, as each real shopper has. */
    static Shopper newShopper(Gateway shared, String name) {
        Gateway gateway = shared.asAnotherClient();
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        Gateway.Response registered = gateway.post("/api/users", Map.of("email", email, "password", PASSWORD, "name", name), null);
        assertThat(registered.status()).as("registration: %s", registered.body()).isEqualTo(201);
        Gateway.Response login = gateway.post("/api/auth/token", Map.of("email", email, "password", PASSWORD), null);
        assertThat(login.status()).as("login: %s", login.body()).isEqualTo(200);
        return new Shopper(registered.body().get("id").asString(), email, login.body().get("access_token").asString());
    }

    /** Adds a product as the administrator and sets its stock; returns the product id. */
    static String stockedProduct(Gateway gateway, String adminToken, String name, String price, int onHand) {
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Gateway.Response added = gateway.post("/api/products", Map.of("sku", sku, "name", name,
                "description", "made by the e2e tests", "price", price, "currency", "JPY",
                "categories", java.util.List.of("e2e")), adminToken);
        assertThat(added.status()).as("product added: %s", added.body()).isEqualTo(201);
        String id = added.body().get("id").asString();
        Gateway.Response stocked = gateway.put("/api/inventory/" + id, Map.of("onHand", onHand), adminToken);
        assertThat(stocked.status()).as("stock set: %s", stocked.body()).isEqualTo(200);
        return id;
    }

    /** Places a one-line order with a fresh idempotency key; it must be accepted (202). */
    static UUID placeOrder(Gateway gateway, Shopper shopper, UUID productId, int quantity, String paymentMethod,
            Map<String, Object> address) {
        Gateway.Response placed = gateway.post("/api/orders", Map.of("lines", List.of(Map.of("productId", productId.toString(),
                "quantity", quantity)), "shippingAddress", address, "paymentMethod", paymentMethod), shopper.token(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        return UUID.fromString(placed.body().get("id").asString());
    }
}
