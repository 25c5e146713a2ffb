package dev.kaimono.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import dev.kaimono.events.Money;
import dev.kaimono.events.ProductAdded;
import dev.kaimono.events.ProductDiscontinued;
import dev.kaimono.events.ProductUpdated;
import dev.kaimono.events.wire.EventEnvelope;

import static dev.kaimono.order.OrderBodies.line;
import static dev.kaimono.order.OrderBodies.orderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders are priced from order-service's replica of the catalog (ADR 0037): catalog's product events keep it, in
 * whatever order they arrive, and catalog-service is asked only about products the replica does not hold. The
 * products here are unknown to {@link StubCatalog}, so a price can only have come from the events.
 */
class CatalogReplicaIT extends OrderServiceIntegrationTest {

    @AfterEach
    void catalogUp() {
        CATALOG.failing(false);
    }

    @Test
    void productEventsSetThePricesOfOrdersAndAStaleOneChangesNothing() {
        UUID sencha = UUID.randomUUID();
        Shopper ann = aShopper();
        handled(publish(ProductAdded.TYPE, sencha, new ProductAdded(sencha, "SEN-1", "Sencha 80g", yen("1000"), List.of("tea"))));
        assertThat(linesOf(ann, ann.placesOrder(orderOf(line(sencha, 2)))))
                .containsExactly(Map.of("productId", sencha.toString(), "productName", "Sencha 80g", "unitPrice", "1000", "quantity", 2));

        handled(publish(ProductUpdated.TYPE, sencha, new ProductUpdated(sencha, "SEN-1", "Sencha 100g", yen("1200"), List.of("tea"), 3)));
        handled(publish(ProductUpdated.TYPE, sencha, new ProductUpdated(sencha, "SEN-1", "Sencha 90g", yen("1100"), List.of("tea"), 2)));

        assertThat(linesOf(ann, ann.placesOrder(orderOf(line(sencha, 1)))))
                .containsExactly(Map.of("productId", sencha.toString(), "productName", "Sencha 100g", "unitPrice", "1200", "quantity", 1));
    }

    @Test
    void aDiscontinuedProductCannotBeOrderedEvenWhenItsDiscontinuationArrivedFirst() {
        UUID gyokuro = UUID.randomUUID();
        handled(publish(ProductDiscontinued.TYPE, gyokuro, new ProductDiscontinued(gyokuro, "GYO-1")));
        handled(publish(ProductAdded.TYPE, gyokuro, new ProductAdded(gyokuro, "GYO-1", "Gyokuro 50g", yen("2400"), List.of("tea"))));
        handled(publish(ProductUpdated.TYPE, gyokuro, new ProductUpdated(gyokuro, "GYO-1", "Gyokuro 60g", yen("2600"), List.of("tea"), 2)));

        Shopper ann = aShopper();
        ann.placeOrder(orderOf(line(gyokuro, 1)), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("The product is discontinued");
        ann.put("/api/cart/items/" + gyokuro, Map.of("quantity", 1)).expectStatus().isBadRequest();
        assertThat(ordersOf(ann)).isZero();
    }

    @Test
    void withTheCatalogDownOrdersOfProductsTheReplicaHoldsAreTakenAndOthersAre503() {
        Shopper ann = aShopper();
        ann.placesOrder(OrderBodies.anOrder());
        CATALOG.failing(true);

        UUID second = ann.placesOrder(OrderBodies.anOrder());
        assertThat(ann.order(second)).containsEntry("total", "9200");
        ann.placeOrder(orderOf(line(StubCatalog.KYUSU, 1)), null).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ordersOf(ann)).isEqualTo(2);
    }

    private static Money yen(String amount) {
        return new Money(new BigDecimal(amount), "JPY");
    }

    /** Waits until order-service has handled the event (its inbox holds it). */
    private void handled(EventEnvelope event) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM inbox_event WHERE event_id = :id")
                .param("id", event.eventId()).query(Long.class).single() == 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> linesOf(Shopper shopper, UUID orderId) {
        return (List<Map<String, Object>>) shopper.order(orderId).get("lines");
    }
}
