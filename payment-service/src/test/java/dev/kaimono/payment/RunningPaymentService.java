package dev.kaimono.payment;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.testsupport.BrokerProbe;
import dev.kaimono.testsupport.TestJwks;
import dev.kaimono.testsupport.WithInfrastructure;

/**
 * payment-service on real PostgreSQL and RabbitMQ (its own database and vhost), with the simulated provider
 * behind a call counter, quick relay and sweep, and tokens from {@link TestJwks}. Subclasses with the same
 * settings share one running service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "kaimono.messaging.relay.poll-interval=100ms",
        "kaimono.messaging.consumer.initial-interval=20ms",
        "kaimono.payment.recovery.interval=200ms",
        "kaimono.payment.simulator.latency=20ms",
        "kaimono.payment.provider-retry.initial-delay=10ms",
        "kaimono.payment.provider-retry.max-delay=20ms"})
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
@Import(CountingPaymentProvider.InFrontOfTheSimulator.class)
abstract class RunningPaymentService {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CountingPaymentProvider provider;

    @Autowired
    private RabbitTemplate rabbit;

    @Autowired
    private MessageCodec codec;

    OrderServiceStandIn orderService;
    /** What other services receive of payment-service's events. */
    BrokerProbe events;

    @DynamicPropertySource
    static void acceptTestTokens(DynamicPropertyRegistry registry) {
        registry.add("kaimono.security.jwt.jwk-set-uri", () -> TestJwks.shared().uri());
    }

    @BeforeEach
    void connect() {
        orderService = new OrderServiceStandIn(rabbit, codec);
        events = BrokerProbe.on(rabbit.getConnectionFactory()).named("payment-service-it").events("payment.*").open();
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    String statusOfPayment(UUID orderId) {
        return jdbc.sql("SELECT status FROM payment WHERE order_id = :orderId").param("orderId", orderId)
                .query(String.class).single();
    }

    long paymentRows(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE order_id = :orderId").param("orderId", orderId)
                .query(Long.class).single();
    }

    /** Events of a type stored for publication about the order: exactly what is, or will be, published. */
    long eventsStored(String type, UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = :type AND aggregate_id = :orderId")
                .param("type", type).param("orderId", orderId.toString()).query(Long.class).single();
    }

    /** Whether a consumer queue applied the message (the inbox row commits with the handler's effects). */
    boolean handled(String queue, UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM inbox_event WHERE consumer = :queue AND event_id = :eventId")
                .param("queue", queue).param("eventId", eventId).query(Long.class).single() == 1;
    }
}
