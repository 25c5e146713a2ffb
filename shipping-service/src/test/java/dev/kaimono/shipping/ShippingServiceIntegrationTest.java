package dev.kaimono.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.Topology;
import dev.kaimono.testsupport.BrokerProbe;
import dev.kaimono.testsupport.TestJwks;
import dev.kaimono.testsupport.WithInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What shipping-service's integration tests share: the real service on a random port against its own
 * PostgreSQL database and RabbitMQ vhost, tokens it accepts, order messages sent through the broker,
 * a probe on its events, and the service's own tables to check what it stored and published.
 */
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
abstract class ShippingServiceIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MessageCodec codec;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    RestTestClient http;
    OrderMessages orders;
    /** What a subscriber of shipping's events receives. */
    BrokerProbe probe;

    @DynamicPropertySource
    static void acceptTestTokens(DynamicPropertyRegistry registry) {
        registry.add("kaimono.security.jwt.jwk-set-uri", () -> TestJwks.shared().uri());
    }

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        orders = new OrderMessages(codec);
        probe = BrokerProbe.on(rabbit.getConnectionFactory()).named("shipping-it").events("shipping.*").open();
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    static String shopper(UUID customerId) {
        return "Bearer " + TestJwks.shared().token(customerId, "CUSTOMER");
    }

    static String administrator() {
        return "Bearer " + TestJwks.shared().token(UUID.randomUUID(), "CUSTOMER", "ADMIN");
    }

    /** Publishes a message on {@code kaimono.events} as order-service's relay would. */
    void send(EventEnvelope envelope) {
        rabbit.send(Topology.EVENTS_EXCHANGE, envelope.eventType(), message(envelope));
    }

    /** Publishes on one channel, so the broker keeps their order (separate sends may take separate channels). */
    void sendInOrder(EventEnvelope... envelopes) {
        rabbit.invoke(operations -> {
            for (EventEnvelope envelope : envelopes) {
                operations.send(Topology.EVENTS_EXCHANGE, envelope.eventType(), message(envelope));
            }
            return null;
        });
    }

    private Message message(EventEnvelope envelope) {
        return MessageBuilder.withBody(codec.encode(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setMessageId(envelope.eventId().toString())
                .setType(envelope.eventType())
                .build();
    }

    /** Waits until shipping-service has applied the message (its inbox has it). */
    void awaitHandled(EventEnvelope envelope) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM inbox_event WHERE event_id = :id")
                .param("id", envelope.eventId()).query(Long.class).single() == 1);
    }

    /** Waits until the order's shipment can be read with that authorization, and returns it. */
    ShipmentJson awaitShipmentOfOrder(UUID orderId, String authorization) {
        await().atMost(PATIENCE).until(() -> !shipmentsOfOrder(orderId, authorization).isEmpty());
        return shipmentOfOrder(orderId, authorization);
    }

    /** The order's one shipment, read with that authorization. */
    ShipmentJson shipmentOfOrder(UUID orderId, String authorization) {
        List<ShipmentJson> shipments = shipmentsOfOrder(orderId, authorization);
        assertThat(shipments).hasSize(1);
        return shipments.getFirst();
    }

    /** {@code GET /api/shipments?orderId=}: the order's shipments that authorization may see. */
    List<ShipmentJson> shipmentsOfOrder(UUID orderId, String authorization) {
        return http.get().uri("/api/shipments?orderId={id}", orderId).header("Authorization", authorization).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ShipmentJson>>() {
                }).returnResult().getResponseBody();
    }

    /** The types of the events stored in the outbox for a shipment, oldest first. */
    List<String> outboxEventTypes(UUID shipmentId) {
        return jdbc.sql("SELECT event_type FROM outbox_event WHERE aggregate_id = :id ORDER BY id")
                .param("id", shipmentId.toString()).query(String.class).list();
    }

    long shipmentsOfOrder(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM shipment WHERE order_id = :orderId").param("orderId", orderId)
                .query(Long.class).single();
    }

    double published(String event) {
        var counter = meters.find("kaimono.shipments").tag("event", event).counter();
        assertThat(counter).as("counter kaimono.shipments{event=%s}", event).isNotNull();
        return counter.count();
    }

    /** A shipment as the API returns it. */
    record ShipmentJson(UUID id, UUID orderId, UUID customerId, String status, String carrier, String trackingNumber,
            Map<String, String> shippingAddress, Instant arrangedAt, Instant dispatchedAt, Instant deliveredAt,
            Instant cancelledAt) {
    }
}
