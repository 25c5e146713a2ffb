package dev.kaimono.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.kaimono.events.CartCheckedOut;
import dev.kaimono.events.CartItemAdded;
import dev.kaimono.events.CartItemQuantityChanged;
import dev.kaimono.events.CartItemRemoved;
import dev.kaimono.events.OrderLine;
import dev.kaimono.events.wire.EventEnvelope;

/** The cart's events ({@code cart.*}): one per change that changes something, in order, published through the outbox. */
class CartEventsIT extends OrderServiceIntegrationTest {

    @Test
    void everyChangeOfACartIsPublishedInOrderAndACheckoutNamesTheOrder() {
        Shopper ann = aShopper();
        ann.put("/api/cart/items/" + StubCatalog.MATCHA, Map.of("quantity", 2)).expectStatus().isOk();
        ann.put("/api/cart/items/" + StubCatalog.MATCHA, Map.of("quantity", 2)).expectStatus().isOk();
        ann.put("/api/cart/items/" + StubCatalog.MATCHA, Map.of("quantity", 3)).expectStatus().isOk();
        ann.put("/api/cart/items/" + StubCatalog.WHISK, Map.of("quantity", 1)).expectStatus().isOk();
        ann.put("/api/cart/items/" + StubCatalog.WHISK, Map.of("quantity", 100)).expectStatus().isBadRequest();
        ann.delete("/api/cart/items/" + StubCatalog.WHISK).expectStatus().isOk();
        ann.delete("/api/cart/items/" + StubCatalog.WHISK).expectStatus().isOk();

        var orderId = ann.placesOrder(Map.of("fromCart", true, "shippingAddress", OrderBodies.anAddress(), "paymentMethod", "pm_card_visa"));

        CartCheckedOut checkedOut = probe().await(ann.id, CartCheckedOut.TYPE);
        assertThat(checkedOut).isEqualTo(new CartCheckedOut(ann.id, orderId, List.of(new OrderLine(StubCatalog.MATCHA, 3))));
        // Events of one shopper are published in the order they were stored: the checkout comes last.
        assertThat(probe().envelopes(envelope -> envelope.aggregateId().equals(ann.id.toString())))
                .extracting(EventEnvelope::eventType)
                .containsExactly("cart.item-added", "cart.item-quantity-changed", "cart.item-added", "cart.item-removed",
                        "cart.checked-out");
        assertThat(probe().all(ann.id, CartItemQuantityChanged.TYPE))
                .containsExactly(new CartItemQuantityChanged(ann.id, StubCatalog.MATCHA, 3, 2));
        assertThat(probe().all(ann.id, CartItemRemoved.TYPE)).containsExactly(new CartItemRemoved(ann.id, StubCatalog.WHISK, 1));
    }

    @Test
    void concurrentChangesOfOneCartAreTakenOneAtATime() throws Exception {
        Shopper bob = aShopper();
        int changes = 8;
        try (ExecutorService executor = Executors.newFixedThreadPool(changes)) {
            CompletableFuture.allOf(IntStream.rangeClosed(1, changes).mapToObj(quantity -> CompletableFuture.runAsync(() ->
                    bob.put("/api/cart/items/" + StubCatalog.KYUSU, Map.of("quantity", quantity)).expectStatus().isOk(), executor))
                    .toArray(CompletableFuture[]::new)).get();
        }
        bob.delete("/api/cart/items/" + StubCatalog.KYUSU).expectStatus().isOk();

        int last = probe().await(bob.id, CartItemRemoved.TYPE).quantity();
        // Each change saw the one before it: one addition, then quantity changes that each start where the last ended.
        List<CartItemAdded> added = probe().all(bob.id, CartItemAdded.TYPE);
        List<CartItemQuantityChanged> changed = probe().all(bob.id, CartItemQuantityChanged.TYPE);
        assertThat(added).hasSize(1);
        assertThat(changed).hasSize(changes - 1);
        int quantity = added.getFirst().quantity();
        for (CartItemQuantityChanged change : changed) {
            assertThat(change.previousQuantity()).isEqualTo(quantity);
            quantity = change.quantity();
        }
        assertThat(last).isEqualTo(quantity);
    }
}
