package dev.kaimono.catalog.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.kaimono.catalog.CatalogApi;
import dev.kaimono.catalog.ProductJson;
import dev.kaimono.events.Money;
import dev.kaimono.events.ProductAdded;
import dev.kaimono.events.ProductDiscontinued;
import dev.kaimono.events.ProductUpdated;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.Topology;
import dev.kaimono.testsupport.TcpProxy;
import dev.kaimono.testsupport.WithInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Product changes reach {@code kaimono.events} through the MongoDB outbox: one message per change with
 * the envelope the platform agreed on, nothing for a refused change, everything in order after the
 * broker was unreachable, and only one relaying instance at a time. The broker is reached through a
 * {@link TcpProxy} so tests can cut it off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "kaimono.messaging.relay.max-backoff=1s"})
@WithInfrastructure({WithInfrastructure.Service.MONGODB, WithInfrastructure.Service.RABBITMQ})
@DirtiesContext
class MongoOutboxIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TcpProxy broker;

    @Autowired
    AmqpAdmin amqpAdmin;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MessageCodec codec;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoOutboxRelay relay;

    CatalogApi api;
    Queue probe;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        CatalogApi.acceptTestTokens(registry);
    }

    @BeforeEach
    void bindProbe() {
        api = new CatalogApi(port);
        probe = new Queue("catalog-it.probe." + UUID.randomUUID(), false, false, false);
        amqpAdmin.declareQueue(probe);
        amqpAdmin.declareBinding(BindingBuilder.bind(probe).to(new TopicExchange(Topology.EVENTS_EXCHANGE)).with("catalog.#"));
    }

    @AfterEach
    void removeProbe() {
        broker.restore();
        amqpAdmin.deleteQueue(probe.getName());
    }

    @Test
    void addUpdateAndDiscontinueEachPublishOneEventWithTheAgreedEnvelope() {
        ProductJson request = ProductJson.aProduct().with("price", "1280").with("categories", List.of("Tea", "Gifts"));
        String id = (String) api.added(request).get("id");
        Message added = next();
        api.update(id, request.with("price", "1480").with("version", 1)).expectStatus().isOk();
        Message updated = next();
        api.discontinue(id).expectStatus().isOk();
        Message discontinued = next();
        String sentinel = (String) api.added(ProductJson.aProduct()).get("id");
        Message afterwards = next();

        EventEnvelope addedEnvelope = codec.decode(added.getBody());
        assertThat(added.getMessageProperties().getReceivedExchange()).isEqualTo("kaimono.events");
        assertThat(added.getMessageProperties().getReceivedRoutingKey()).isEqualTo("catalog.product-added");
        assertThat(added.getMessageProperties().getType()).isEqualTo("catalog.product-added");
        assertThat(added.getMessageProperties().getMessageId()).isEqualTo(addedEnvelope.eventId().toString());
        assertThat(addedEnvelope.eventType()).isEqualTo("catalog.product-added");
        assertThat(addedEnvelope.eventVersion()).isEqualTo(1);
        assertThat(addedEnvelope.source()).isEqualTo("catalog-service");
        assertThat(addedEnvelope.aggregateId()).isEqualTo(id);
        assertThat(addedEnvelope.correlationId()).isEqualTo(addedEnvelope.eventId());
        assertThat(addedEnvelope.causationId()).isNull();
        assertThat(addedEnvelope.occurredAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(codec.payload(addedEnvelope, ProductAdded.TYPE)).isEqualTo(new ProductAdded(UUID.fromString(id),
                request.sku(), "Hojicha Roasted Green Tea ほうじ茶", new Money(new BigDecimal("1280"), "JPY"), List.of("tea", "gifts")));

        EventEnvelope updatedEnvelope = codec.decode(updated.getBody());
        assertThat(updated.getMessageProperties().getReceivedRoutingKey()).isEqualTo("catalog.product-updated");
        assertThat(updated.getMessageProperties().getMessageId()).isEqualTo(updatedEnvelope.eventId().toString());
        assertThat(codec.payload(updatedEnvelope, ProductUpdated.TYPE)).satisfies(event -> {
            assertThat(event.price()).isEqualTo(new Money(new BigDecimal("1480"), "JPY"));
            assertThat(event.version()).isEqualTo(2);
            assertThat(event.productId()).isEqualTo(UUID.fromString(id));
        });

        EventEnvelope discontinuedEnvelope = codec.decode(discontinued.getBody());
        assertThat(discontinued.getMessageProperties().getReceivedRoutingKey()).isEqualTo("catalog.product-discontinued");
        assertThat(codec.payload(discontinuedEnvelope, ProductDiscontinued.TYPE))
                .isEqualTo(new ProductDiscontinued(UUID.fromString(id), request.sku()));

        assertThat(codec.decode(afterwards.getBody()).aggregateId()).as("nothing else in between").isEqualTo(sentinel);
        assertThat(pendingEventsOf(id)).isEmpty();
    }

    @Test
    void refusedWritesStoreAndPublishNothing() {
        ProductJson request = ProductJson.aProduct();
        String id = (String) api.added(request).get("id");
        assertThat(codec.decode(next().getBody()).aggregateId()).isEqualTo(id);

        api.add(ProductJson.aProduct().with("sku", request.sku().toLowerCase())).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        api.add(ProductJson.aProduct().with("price", "-1")).expectStatus().isBadRequest();
        api.update(id, request.with("price", "2000").with("version", 7)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        String sentinel = (String) api.added(ProductJson.aProduct()).get("id");

        assertThat(codec.decode(next().getBody()).aggregateId()).isEqualTo(sentinel);
        assertThat(api.product(id)).containsEntry("version", 1).containsEntry("price", "980");
    }

    @Test
    void writesSucceedWhileTheBrokerIsDownAndTheirEventsArriveInOrderOnceItIsBack() {
        broker.cut();
        ProductJson first = ProductJson.aProduct();
        String firstId = (String) api.added(first).get("id");
        api.update(firstId, first.with("price", "1100").with("version", 1)).expectStatus().isOk();
        api.discontinue(firstId).expectStatus().isOk();
        String secondId = (String) api.added(ProductJson.aProduct()).get("id");

        await().atMost(DELIVERY).until(() -> relay.isFailing() && backlog() == 4);
        assertThat(pendingEventsOf(firstId)).extracting(event -> event.get("eventType"))
                .containsExactly("catalog.product-added", "catalog.product-updated", "catalog.product-discontinued");
        long confirmedBefore = meters.get("kaimono.outbox.publish.lag").timer().count();

        broker.restore();
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            EventEnvelope envelope = codec.decode(next().getBody());
            received.add(envelope.aggregateId() + " " + envelope.eventType());
        }

        assertThat(received).containsExactly(firstId + " catalog.product-added", firstId + " catalog.product-updated",
                firstId + " catalog.product-discontinued", secondId + " catalog.product-added");
        await().atMost(DELIVERY).until(() -> backlog() == 0 && !relay.isFailing());
        assertThat(meters.get("kaimono.outbox.publish.lag").timer().count() - confirmedBefore).isEqualTo(4);
        assertThat(pendingEventsOf(firstId)).isEmpty();
        assertThat(pendingEventsOf(secondId)).isEmpty();
    }

    @Test
    void onlyTheInstanceHoldingTheLeaseRelaysAndAnotherTakesOverOnlyAfterItExpired() {
        RelayLease otherInstanceNow = new RelayLease(mongo, "other-instance", Duration.ofSeconds(30), Clock.systemUTC());
        RelayLease otherInstanceLater = new RelayLease(mongo, "other-instance", Duration.ofSeconds(30),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)));
        api.added(ProductJson.aProduct());
        next();

        assertThat(otherInstanceNow.tryAcquire()).as("taken while this instance renews it").isFalse();
        assertThat(otherInstanceLater.tryAcquire()).as("taken once expired").isTrue();
        String waiting = (String) api.added(ProductJson.aProduct()).get("id");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> pendingEventsOf(waiting).size() == 1);
        otherInstanceLater.release();

        assertThat(codec.decode(next().getBody()).aggregateId()).isEqualTo(waiting);
        Document lease = mongo.findById(RelayLease.LEASE_ID, Document.class, RelayLease.COLLECTION);
        assertThat(lease).isNotNull();
        assertThat(lease.getString("owner")).as("taken back by this instance").isNotEqualTo("other-instance");
    }

    private Message next() {
        Message message = rabbit.receive(probe.getName(), DELIVERY.toMillis());
        assertThat(message).as("a message on the probe queue").isNotNull();
        return message;
    }

    private double backlog() {
        return meters.get("kaimono.outbox.backlog").gauge().value();
    }

    private List<Document> pendingEventsOf(String productId) {
        Document product = mongo.findById(productId, Document.class, "products");
        assertThat(product).isNotNull();
        return product.getList(PendingEvent.FIELD, Document.class, List.of());
    }

    /** The application reaches RabbitMQ through a proxy the tests can cut. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BrokerBehindProxy {

        @Bean(destroyMethod = "close")
        TcpProxy brokerProxy(Environment environment) {
            return new TcpProxy(environment.getRequiredProperty("spring.rabbitmq.host"),
                    environment.getRequiredProperty("spring.rabbitmq.port", Integer.class));
        }

        @Bean
        CachingConnectionFactory rabbitConnectionFactory(TcpProxy brokerProxy, Environment environment) {
            CachingConnectionFactory connectionFactory = new CachingConnectionFactory(brokerProxy.host(), brokerProxy.port());
            connectionFactory.setUsername(environment.getRequiredProperty("spring.rabbitmq.username"));
            connectionFactory.setPassword(environment.getRequiredProperty("spring.rabbitmq.password"));
            connectionFactory.setVirtualHost(environment.getRequiredProperty("spring.rabbitmq.virtual-host"));
            connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
            connectionFactory.setConnectionTimeout(2_000);
            return connectionFactory;
        }
    }
}
