package dev.kaimono.order;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.PaymentCompleted;
import dev.kaimono.events.ProcessPayment;
import dev.kaimono.events.ReserveStock;
import dev.kaimono.events.StockReserved;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.Topology;
import dev.kaimono.testsupport.BrokerProbe;
import dev.kaimono.testsupport.TestJwks;
import dev.kaimono.testsupport.WithInfrastructure;

/**
 * order-service against real PostgreSQL and RabbitMQ, with a stub catalog and test tokens. Subclasses share
 * one application context (one database, one virtual host); each test uses shoppers and orders of its own.
 * The saga's deadlines are long here, so nothing times out behind a test's back; {@code SagaDeadlinesIT}
 * has short ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "kaimono.order.saga.stock-timeout=10m",
        "kaimono.order.saga.payment-timeout=10m",
        "kaimono.messaging.consumer.initial-interval=20ms",
        "kaimono.messaging.relay.poll-interval=100ms"})
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
abstract class OrderServiceIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final StubCatalog CATALOG = StubCatalog.shared();
    private static final Map<String, BrokerProbe> PROBES = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void collaborators(DynamicPropertyRegistry registry) {
        registry.add("kaimono.security.jwt.jwk-set-uri", () -> TestJwks.shared().uri());
        // Sagas here wait minutes for replies nobody sends, so the door would close on later tests; OrderAdmissionIT
        // (a context and database of its own) turns it on with kaimono.test.admission.
        registry.add("kaimono.order.admission.enabled", () -> "${kaimono.test.admission:false}");
        registry.add("kaimono.services.catalog", CATALOG::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MessageCodec codec;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    Environment environment;

    /**
     * The probe listens before the test sends anything, so it misses nothing. The replica of the catalog starts empty,
     * so products are priced from {@link #CATALOG} unless a test's own events say otherwise.
     */
    @BeforeEach
    void listenToWhatOrderServiceSends() {
        probe();
        jdbc.sql("DELETE FROM catalog_product").update();
    }

    Shopper aShopper() {
        return Shopper.withRoles(port);
    }

    Shopper anAdministrator() {
        return Shopper.withRoles(port, "ADMIN");
    }

    /** The probe of this context's virtual host, created on first use. */
    BrokerProbe probe() {
        return PROBES.computeIfAbsent(environment.getRequiredProperty("spring.rabbitmq.virtual-host"),
                vhost -> whatOrderServiceSends(connectionFactory));
    }

    /** Every command order-service sends and every {@code order.*} and {@code cart.*} event, as another service would receive them. */
    static BrokerProbe whatOrderServiceSends(ConnectionFactory connectionFactory) {
        return BrokerProbe.on(connectionFactory).named("order-it").commands("#").events("order.*", "cart.*").open();
    }

    /** Publishes an event as its producer would (a fresh event id each time). */
    <T> EventEnvelope publish(MessageType<T> type, UUID orderId, T payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), Instant.now(),
                type.context() + "-service", orderId.toString(), UUID.randomUUID(), null, codec.toData(payload));
        rabbit.send(Topology.exchangeFor(type), type.name(), MessageBuilder.withBody(codec.encode(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON).setMessageId(envelope.eventId().toString())
                .setType(type.name()).build());
        return envelope;
    }

    void awaitStatus(Shopper shopper, UUID orderId, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(shopper.status(orderId)));
    }

    /** An order of two matcha tins and a whisk, taken through the saga to CONFIRMED. */
    UUID aConfirmedOrderOf(Shopper shopper) {
        UUID orderId = shopper.placesOrder(OrderBodies.anOrder());
        probe().await(orderId, ReserveStock.TYPE);
        publish(StockReserved.TYPE, orderId, new StockReserved(orderId, List.of()));
        ProcessPayment payment = probe().await(orderId, ProcessPayment.TYPE);
        publish(PaymentCompleted.TYPE, orderId, new PaymentCompleted(orderId, UUID.randomUUID(), payment.amount()));
        awaitStatus(shopper, orderId, "CONFIRMED");
        return orderId;
    }

    /** The orders the shopper placed, counted in the event store. */
    long ordersOf(Shopper shopper) {
        return jdbc.sql("SELECT count(*) FROM order_event WHERE event_type = 'OrderPlaced' AND payload LIKE :customer")
                .param("customer", "%\"customerId\":\"" + shopper.id + "\"%").query(Long.class).single();
    }

    String sagaState(UUID orderId) {
        return jdbc.sql("SELECT state FROM place_order_saga WHERE order_id = :id").param("id", orderId).query(String.class).single();
    }
}
