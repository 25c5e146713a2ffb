package dev.kaimono.order;

import static dev.kaimono.order.OrderBodies.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.Money;
import dev.kaimono.events.OrderConfirmed;
import dev.kaimono.events.PaymentCompleted;
import dev.kaimono.events.ProcessPayment;
import dev.kaimono.events.ReserveStock;
import dev.kaimono.events.StockReserved;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.Topology;
import dev.kaimono.testsupport.BrokerProbe;
import dev.kaimono.testsupport.Infrastructure;
import dev.kaimono.testsupport.TestJwks;

/**
 * Crash and restart: the first instance places orders and stops mid-saga; replies sent while no instance runs
 * wait in the durable queue; a second instance on the same database and broker resumes every unfinished saga
 * — it consumes the waiting replies and re-sends the commands whose deadlines passed — until each order is
 * confirmed. Runs real {@link OrderApplication} instances, one after the other.
 */
class SagaRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Money TOTAL = new Money(new BigDecimal("9200"), "JPY");

    private final Map<String, Object> settings = new HashMap<>();
    private final MessageCodec codec = new MessageCodec(List.of());
    private CachingConnectionFactory broker;
    private RabbitTemplate rabbit;
    private BrokerProbe probe;
    private ConfigurableApplicationContext instance;

    @BeforeEach
    void oneDatabaseAndOneVirtualHostForBothInstances() {
        settings.putAll(Infrastructure.postgres().freshDatabaseProperties());
        Map<String, String> rabbitMq = Infrastructure.rabbitMq().freshVirtualHostProperties();
        settings.putAll(rabbitMq);
        settings.put("server.port", "0");
        settings.put("management.server.port", "0");
        settings.put("kaimono.security.jwt.jwk-set-uri", TestJwks.shared().uri());
        settings.put("kaimono.services.catalog", StubCatalog.shared().baseUrl());
        settings.put("kaimono.order.saga.stock-timeout", "10m");
        settings.put("kaimono.order.saga.payment-timeout", "10m");
        settings.put("kaimono.order.saga.scan-interval", "200ms");
        broker = new CachingConnectionFactory(rabbitMq.get("spring.rabbitmq.host"), Integer.parseInt(rabbitMq.get("spring.rabbitmq.port")));
        broker.setUsername(rabbitMq.get("spring.rabbitmq.username"));
        broker.setPassword(rabbitMq.get("spring.rabbitmq.password"));
        broker.setVirtualHost(rabbitMq.get("spring.rabbitmq.virtual-host"));
        rabbit = new RabbitTemplate(broker);
        probe = OrderServiceIntegrationTest.whatOrderServiceSends(broker);
    }

    @AfterEach
    void stopEverything() {
        if (instance != null) {
            instance.close();
        }
        probe.close();
        broker.destroy();
    }

    @Test
    void everyUnfinishedSagaResumesAfterARestart() {
        instance = start("first", false);
        Shopper ann = Shopper.withRoles(port(instance));
        UUID waitingForStock = ann.placesOrder(anOrder());
        UUID waitingForPayment = ann.placesOrder(anOrder());
        probe.await(waitingForStock, ReserveStock.TYPE);
        publish(StockReserved.TYPE, waitingForPayment, new StockReserved(waitingForPayment, List.of()));
        probe.await(waitingForPayment, ProcessPayment.TYPE);
        // Time passes: inventory never answered the first order, whose deadline is now long gone.
        JdbcClient jdbc = instance.getBean(JdbcClient.class);
        jdbc.sql("UPDATE place_order_saga SET deadline_at = :past WHERE order_id = :id")
                .param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(60))).param("id", waitingForStock).update();
        List<Map<String, Object>> stuckFirst = Shopper.withRoles(port(instance), "ADMIN").get("/api/admin/orders/sagas")
                .expectStatus().isOk().expectBody(Shopper.JSON_LIST).returnResult().getResponseBody();
        assertThat(stuckFirst).extracting(saga -> saga.get("orderId"), saga -> saga.get("overdue"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(waitingForStock.toString(), true),
                        org.assertj.core.groups.Tuple.tuple(waitingForPayment.toString(), false));

        instance.close();
        publish(PaymentCompleted.TYPE, waitingForPayment, new PaymentCompleted(waitingForPayment, UUID.randomUUID(), TOTAL));
        instance = start("second", true);
        Shopper annAgain = ann.at(port(instance));

        await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(annAgain.status(waitingForPayment)));
        assertThat(probe.awaitNth(waitingForStock, ReserveStock.TYPE, 2).orderId()).isEqualTo(waitingForStock);
        publish(StockReserved.TYPE, waitingForStock, new StockReserved(waitingForStock, List.of()));
        probe.await(waitingForStock, ProcessPayment.TYPE);
        publish(PaymentCompleted.TYPE, waitingForStock, new PaymentCompleted(waitingForStock, UUID.randomUUID(), TOTAL));
        await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(annAgain.status(waitingForStock)));
        assertThat(probe.await(waitingForStock, OrderConfirmed.TYPE).total()).isEqualTo(TOTAL);
        assertThat(probe.await(waitingForPayment, OrderConfirmed.TYPE).total()).isEqualTo(TOTAL);
        assertThat(instance.getBean(JdbcClient.class).sql("SELECT count(*) FROM place_order_saga WHERE state <> 'COMPLETED'")
                .query(Long.class).single()).isZero();
    }

    private ConfigurableApplicationContext start(String name, boolean scanner) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("kaimono.order.saga.scanner-enabled", Boolean.toString(scanner));
        properties.put("instance", name);
        // As command-line arguments: they win over the service's own and shared defaults, like an operator's settings.
        String[] arguments = properties.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(OrderApplication.class).run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private <T> void publish(MessageType<T> type, UUID orderId, T payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), Instant.now(),
                type.context() + "-service", orderId.toString(), UUID.randomUUID(), null, codec.toData(payload));
        rabbit.send(Topology.exchangeFor(type), type.name(), MessageBuilder.withBody(codec.encode(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON).setMessageId(envelope.eventId().toString()).build());
    }
}
