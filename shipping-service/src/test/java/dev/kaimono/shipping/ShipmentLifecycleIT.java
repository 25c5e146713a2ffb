package dev.kaimono.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.kaimono.events.ShipmentArranged;
import dev.kaimono.events.ShipmentCancelled;
import dev.kaimono.events.ShipmentDelivered;
import dev.kaimono.events.ShipmentDispatched;
import dev.kaimono.events.wire.EventEnvelope;

/**
 * shipping-service end to end against real PostgreSQL and RabbitMQ: order events in through the broker,
 * the REST API for shoppers and administrators, shipping events out through the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ShipmentLifecycleIT extends ShippingServiceIntegrationTest {

    private static final String ARRANGED = "shipping.shipment-arranged";
    private static final String DISPATCHED = "shipping.shipment-dispatched";
    private static final String DELIVERED = "shipping.shipment-delivered";
    private static final String CANCELLED = "shipping.shipment-cancelled";

    @Test
    void aConfirmedOrderGetsAShipmentToItsAddressAndShipmentArrangedIsPublished() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        EventEnvelope confirmed = orders.confirmed(orderId, customerId);

        send(confirmed);

        ShipmentJson shipment = awaitShipmentOfOrder(orderId, shopper(customerId));
        assertThat(shipment.status()).isEqualTo("ARRANGED");
        assertThat(shipment.customerId()).isEqualTo(customerId);
        assertThat(shipment.shippingAddress()).containsEntry("name", "Ann Lee").containsEntry("city", "Tokyo")
                .containsEntry("postalCode", "150-0001").containsEntry("country", "JP");
        assertThat(shipment.carrier()).isNull();
        http.get().uri("/api/shipments/{id}", shipment.id()).header("Authorization", shopper(customerId)).exchange()
                .expectBody()
                .jsonPath("$.arrangedAt").isEqualTo(shipment.arrangedAt().toString())
                .jsonPath("$.dispatchedAt").isEmpty();
        var arranged = probe.await(ShipmentArranged.TYPE, event -> event.orderId().equals(orderId));
        assertThat(arranged.payload().shipmentId()).isEqualTo(shipment.id());
        assertThat(arranged.message().getMessageProperties().getType()).isEqualTo(ARRANGED);
        assertThat(arranged.envelope().source()).isEqualTo("shipping-service");
        assertThat(arranged.envelope().aggregateId()).isEqualTo(shipment.id().toString());
        assertThat(arranged.envelope().causationId()).isEqualTo(confirmed.eventId());
        assertThat(arranged.envelope().correlationId()).isEqualTo(confirmed.correlationId());
    }

    @Test
    void theSameOrderConfirmedTwiceOrAgainUnderANewIdArrangesOneShipmentAndPublishesOnce() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        EventEnvelope confirmed = orders.confirmed(orderId, customerId);
        EventEnvelope confirmedAgain = orders.confirmed(orderId, customerId);

        send(confirmed);
        send(confirmed);
        send(confirmedAgain);
        awaitHandled(confirmedAgain);

        ShipmentJson shipment = shipmentOfOrder(orderId, shopper(customerId));
        assertThat(shipmentsOfOrder(orderId)).isEqualTo(1);
        assertThat(outboxEventTypes(shipment.id())).containsExactly(ARRANGED);
    }

    @Test
    void anAdministratorDispatchesAndDeliversAndEachStepIsPublishedAndCounted() {
        double dispatchedBefore = published("dispatched");
        double deliveredBefore = published("delivered");
        ShipmentJson arranged = arrangedShipment();

        ShipmentJson dispatched = dispatch(arranged.id(), "Yamato", "4242-0000-1111", administrator())
                .expectStatus().isOk().expectBody(ShipmentJson.class).returnResult().getResponseBody();
        ShipmentJson delivered = deliver(arranged.id(), administrator())
                .expectStatus().isOk().expectBody(ShipmentJson.class).returnResult().getResponseBody();

        assertThat(dispatched.status()).isEqualTo("DISPATCHED");
        assertThat(dispatched.carrier()).isEqualTo("Yamato");
        assertThat(dispatched.trackingNumber()).isEqualTo("4242-0000-1111");
        assertThat(dispatched.dispatchedAt()).isAfterOrEqualTo(arranged.arrangedAt());
        assertThat(delivered.status()).isEqualTo("DELIVERED");
        assertThat(delivered.deliveredAt()).isAfterOrEqualTo(dispatched.dispatchedAt());
        var dispatchedEvent = probe.await(ShipmentDispatched.TYPE, event -> event.shipmentId().equals(arranged.id()));
        assertThat(dispatchedEvent.payload())
                .isEqualTo(new ShipmentDispatched(arranged.id(), arranged.orderId(), "Yamato", "4242-0000-1111"));
        var deliveredEvent = probe.await(ShipmentDelivered.TYPE, event -> event.shipmentId().equals(arranged.id()));
        assertThat(deliveredEvent.payload().orderId()).isEqualTo(arranged.orderId());
        assertThat(shipmentOfOrder(arranged.orderId(), shopper(arranged.customerId())).status()).isEqualTo("DELIVERED");
        assertThat(published("dispatched")).isEqualTo(dispatchedBefore + 1);
        assertThat(published("delivered")).isEqualTo(deliveredBefore + 1);
    }

    @Test
    void repeatingTheSameDispatchOrDeliveryAnswers200WithoutASecondEvent() {
        ShipmentJson arranged = arrangedShipment();
        dispatch(arranged.id(), "Yamato", "4242-0000-1111", administrator()).expectStatus().isOk();

        ShipmentJson repeated = dispatch(arranged.id(), " Yamato", "4242-0000-1111 ", administrator())
                .expectStatus().isOk().expectBody(ShipmentJson.class).returnResult().getResponseBody();
        deliver(arranged.id(), administrator()).expectStatus().isOk();
        deliver(arranged.id(), administrator()).expectStatus().isOk();
        ShipmentJson dispatchedAfterDelivery = dispatch(arranged.id(), "Yamato", "4242-0000-1111", administrator())
                .expectStatus().isOk().expectBody(ShipmentJson.class).returnResult().getResponseBody();

        assertThat(repeated.status()).isEqualTo("DISPATCHED");
        assertThat(dispatchedAfterDelivery.status()).isEqualTo("DELIVERED");
        assertThat(outboxEventTypes(arranged.id())).containsExactly(ARRANGED, DISPATCHED, DELIVERED);
    }

    @Test
    void dispatchingAgainWithOtherTrackingIsAConflict() {
        ShipmentJson arranged = arrangedShipment();
        dispatch(arranged.id(), "Yamato", "4242-0000-1111", administrator()).expectStatus().isOk();

        dispatch(arranged.id(), "Sagawa", "3690-1234-5678", administrator())
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.shipmentStatus").isEqualTo("DISPATCHED")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("Yamato 4242-0000-1111"));

        assertThat(shipmentOfOrder(arranged.orderId(), administrator()).trackingNumber()).isEqualTo("4242-0000-1111");
        assertThat(outboxEventTypes(arranged.id())).containsExactly(ARRANGED, DISPATCHED);
    }

    @Test
    void deliveringBeforeDispatchIsAConflictAndChangesNothing() {
        ShipmentJson arranged = arrangedShipment();

        deliver(arranged.id(), administrator())
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.shipmentStatus").isEqualTo("ARRANGED")
                .jsonPath("$.instance").isEqualTo("/api/shipments/" + arranged.id() + "/deliver");

        assertThat(shipmentOfOrder(arranged.orderId(), administrator()).status()).isEqualTo("ARRANGED");
        assertThat(outboxEventTypes(arranged.id())).containsExactly(ARRANGED);
    }

    @Test
    void aShopperMayNeitherDispatchNorDeliverEvenTheirOwnShipment() {
        ShipmentJson arranged = arrangedShipment();
        String owner = shopper(arranged.customerId());

        dispatch(arranged.id(), "Yamato", "4242-0000-1111", owner)
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        deliver(arranged.id(), owner).expectStatus().isForbidden();

        assertThat(shipmentOfOrder(arranged.orderId(), owner).status()).isEqualTo("ARRANGED");
        assertThat(outboxEventTypes(arranged.id())).containsExactly(ARRANGED);
    }

    @Test
    void someoneElsesShipmentIsNotFoundWhileItsOwnerAndAdministratorsSeeIt() {
        ShipmentJson arranged = arrangedShipment();
        String stranger = shopper(UUID.randomUUID());

        assertThat(shipmentsOfOrder(arranged.orderId(), stranger)).isEmpty();
        assertThat(shipmentsOfOrder(arranged.orderId(), shopper(arranged.customerId()))).extracting(ShipmentJson::id)
                .containsExactly(arranged.id());
        http.get().uri("/api/shipments/{id}", arranged.id()).header("Authorization", stranger).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/shipments/{id}", UUID.randomUUID()).header("Authorization", administrator()).exchange()
                .expectStatus().isNotFound();

        ShipmentJson seenByOwner = http.get().uri("/api/shipments/{id}", arranged.id())
                .header("Authorization", shopper(arranged.customerId())).exchange()
                .expectStatus().isOk().expectBody(ShipmentJson.class).returnResult().getResponseBody();
        ShipmentJson seenByAdministrator = http.get().uri("/api/shipments/{id}", arranged.id())
                .header("Authorization", administrator()).exchange()
                .expectStatus().isOk().expectBody(ShipmentJson.class).returnResult().getResponseBody();
        assertThat(seenByOwner.orderId()).isEqualTo(arranged.orderId());
        assertThat(seenByAdministrator.orderId()).isEqualTo(arranged.orderId());
    }

    @Test
    void withoutAValidTokenNothingIsAnswered() {
        http.get().uri("/api/shipments?orderId={id}", UUID.randomUUID()).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/admin/shipping/shipments").header("Authorization", "Bearer not-a-token").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aDispatchNeedsACarrierAndATrackingNumber() {
        ShipmentJson arranged = arrangedShipment();

        dispatch(arranged.id(), " ", null, administrator())
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("carrier", "trackingNumber"));
        http.get().uri("/api/shipments").header("Authorization", administrator()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("orderId");
        http.get().uri("/api/shipments/not-a-uuid").header("Authorization", administrator()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");

        assertThat(outboxEventTypes(arranged.id())).containsExactly(ARRANGED);
    }

    @Test
    void anOrderCancelledBeforeDispatchCancelsItsShipment() {
        ShipmentJson arranged = arrangedShipment();

        send(orders.cancelled(arranged.orderId(), true));

        var cancelled = probe.await(ShipmentCancelled.TYPE, event -> event.orderId().equals(arranged.orderId()));
        assertThat(cancelled.payload().shipmentId()).isEqualTo(arranged.id());
        ShipmentJson shipment = shipmentOfOrder(arranged.orderId(), shopper(arranged.customerId()));
        assertThat(shipment.status()).isEqualTo("CANCELLED");
        assertThat(shipment.cancelledAt()).isAfterOrEqualTo(arranged.arrangedAt());
        dispatch(arranged.id(), "Yamato", "4242-0000-1111", administrator())
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.shipmentStatus").isEqualTo("CANCELLED");
        assertThat(outboxEventTypes(arranged.id())).containsExactly(ARRANGED, CANCELLED);
    }

    @Test
    void anOrderCancelledAfterDispatchLeavesItsShipmentAloneAndPublishesNothing() {
        ShipmentJson arranged = arrangedShipment();
        dispatch(arranged.id(), "Yamato", "4242-0000-1111", administrator()).expectStatus().isOk();
        EventEnvelope cancelled = orders.cancelled(arranged.orderId(), true);

        send(cancelled);
        awaitHandled(cancelled);

        assertThat(shipmentOfOrder(arranged.orderId(), administrator()).status()).isEqualTo("DISPATCHED");
        assertThat(outboxEventTypes(arranged.id())).containsExactly(ARRANGED, DISPATCHED);
    }

    @Test
    void anOrderWhoseCancellationOvertookItsConfirmationGetsNoShipment() {
        UUID orderId = UUID.randomUUID();
        EventEnvelope confirmed = orders.confirmed(orderId, UUID.randomUUID());

        sendInOrder(orders.cancelled(orderId, true), confirmed);
        awaitHandled(confirmed);

        assertThat(shipmentsOfOrder(orderId)).isZero();
        assertThat(shipmentsOfOrder(orderId, administrator())).isEmpty();
    }

    @Test
    void anOrderWithoutAnAddressIsDeadLetteredAtOnceAndListedForOperators() {
        UUID orderId = UUID.randomUUID();
        EventEnvelope broken = orders.confirmedWithoutAddress(orderId, UUID.randomUUID());
        String messageId = broken.eventId().toString();

        send(broken);

        await().atMost(PATIENCE).until(() -> deadLetters().stream().anyMatch(letter -> messageId.equals(letter.get("messageId"))));
        assertThat(deadLetters()).filteredOn(letter -> messageId.equals(letter.get("messageId"))).singleElement()
                .satisfies(letter -> {
                    assertThat(letter.get("type")).isEqualTo("order.confirmed");
                    assertThat(String.valueOf(letter.get("failure"))).contains("no shipping address");
                });
        assertThat(shipmentsOfOrder(orderId)).isZero();
    }

    @Test
    void administratorsListShipmentsByStatusNewestFirst() {
        ShipmentJson older = arrangedShipment();
        ShipmentJson newer = arrangedShipment();
        ShipmentJson dispatched = arrangedShipment();
        dispatch(dispatched.id(), "Yamato", "7777-0000-2222", administrator()).expectStatus().isOk();
        long arrangedInDatabase = jdbc.sql("SELECT count(*) FROM shipment WHERE status = 'ARRANGED'").query(Long.class).single();

        PageJson page = http.get().uri("/api/admin/shipping/shipments?status=ARRANGED&size=500")
                .header("Authorization", administrator()).exchange()
                .expectStatus().isOk().expectBody(PageJson.class).returnResult().getResponseBody();

        List<UUID> ids = page.content().stream().map(ShipmentJson::id).toList();
        assertThat(ids).contains(newer.id(), older.id()).doesNotContain(dispatched.id());
        assertThat(ids.indexOf(newer.id())).isLessThan(ids.indexOf(older.id()));
        assertThat(page.content()).extracting(ShipmentJson::status).containsOnly("ARRANGED");
        assertThat(page.size()).isEqualTo(100);
        assertThat(page.page()).isZero();
        assertThat(page.totalElements()).isEqualTo(arrangedInDatabase);
        assertThat(page.totalPages()).isEqualTo((int) ((arrangedInDatabase + 99) / 100));
        http.get().uri("/api/admin/shipping/shipments?status=LOST").header("Authorization", administrator()).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("status")
                .jsonPath("$.errors[0].message").isEqualTo("must be one of ARRANGED, DISPATCHED, DELIVERED, CANCELLED");
        http.get().uri("/api/admin/shipping/shipments").header("Authorization", shopper(older.customerId())).exchange()
                .expectStatus().isForbidden();
    }

    private ShipmentJson arrangedShipment() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        send(orders.confirmed(orderId, customerId));
        return awaitShipmentOfOrder(orderId, shopper(customerId));
    }

    private RestTestClient.ResponseSpec dispatch(UUID shipmentId, String carrier, String trackingNumber, String authorization) {
        Map<String, String> body = new java.util.HashMap<>();
        body.put("carrier", carrier);
        body.put("trackingNumber", trackingNumber);
        return http.post().uri("/api/shipments/{id}/dispatch", shipmentId).header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private RestTestClient.ResponseSpec deliver(UUID shipmentId, String authorization) {
        return http.post().uri("/api/shipments/{id}/deliver", shipmentId).header("Authorization", authorization).exchange();
    }

    /** What operators see in shipping-service's dead-letter queue. */
    private List<Map<String, Object>> deadLetters() {
        Map<String, List<Map<String, Object>>> byQueue = http.get().uri("/api/admin/shipping/dead-letters")
                .header("Authorization", administrator()).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() {
                }).returnResult().getResponseBody();
        return byQueue.getOrDefault("shipping-service.events", List.of());
    }

    record PageJson(List<ShipmentJson> content, int page, int size, long totalElements, int totalPages) {
    }
}
