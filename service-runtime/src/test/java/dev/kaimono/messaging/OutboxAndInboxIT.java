package dev.kaimono.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.events.ProductDiscontinued;
import dev.kaimono.events.UserProfileUpdated;
import dev.kaimono.events.UserRegistered;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.testsupport.WithInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/** The guarantees of ARCHITECTURE §2, against real PostgreSQL and RabbitMQ. */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=messaging-test",
        "kaimono.messaging.consumer.max-attempts=3",
        "kaimono.messaging.consumer.initial-interval=10ms",
        "kaimono.messaging.consumer.max-interval=200ms",
        "kaimono.messaging.relay.poll-interval=100ms",
        "kaimono.messaging.relay.max-backoff=200ms"})
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
class OutboxAndInboxIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MessageCodec codec;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Inbox inbox;

    @Autowired
    Tracer tracer;

    @AfterEach
    void heal() {
        MessagingTestApplication.BROKER.restore();
        MessagingTestApplication.DATABASE.restore();
        MessagingTestApplication.POISONED.clear();
        jdbc.sql("DROP TRIGGER IF EXISTS sabotage ON outbox_event").update();
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String aggregate = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            outbox.publish(UserRegistered.TYPE, aggregate, registered("rolled-back"));
            status.setRollbackOnly();
        });
        EventEnvelope barrier = publish(aggregate, registered("committed"));

        awaitEffect(barrier.eventId());
        assertThat(effectNames(aggregate)).containsExactly("committed");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :a").param("a", aggregate)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> outbox.publish(UserRegistered.TYPE, "a", registered("no transaction")))
                .withMessageContaining("needs a transaction");
    }

    @Test
    void relayDyingBetweenPublishingAndMarkingLeadsToExactlyOneEffect() {
        // The first attempt to mark events published fails after the broker confirmed them, as if the relay died.
        jdbc.sql("CREATE SEQUENCE IF NOT EXISTS sabotage_attempts").update();
        jdbc.sql("SELECT setval('sabotage_attempts', 1, false)").query(Long.class).single();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION sabotage_marking() RETURNS trigger AS $$
                BEGIN
                  IF nextval('sabotage_attempts') = 1 THEN RAISE EXCEPTION 'relay died before marking'; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""").update();
        jdbc.sql("CREATE TRIGGER sabotage BEFORE UPDATE OF published_at ON outbox_event "
                + "FOR EACH ROW EXECUTE FUNCTION sabotage_marking()").update();
        double duplicatesBefore = duplicates();
        String aggregate = UUID.randomUUID().toString();

        List<EventEnvelope> events = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                events.add(outbox.publish(UserRegistered.TYPE, aggregate, registered("once-" + i)));
            }
        });

        events.forEach(event -> awaitEffect(event.eventId()));
        await().atMost(PATIENCE).until(() -> duplicates() >= duplicatesBefore + 3);
        assertThat(effectNames(aggregate)).containsExactly("once-0", "once-1", "once-2");
        assertThat(unpublished()).isZero();
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownArePublishedInOrderWhenItReturns() {
        MessagingTestApplication.BROKER.cut();
        List<String> aggregates = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<EventEnvelope> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (String aggregate : aggregates) {
                written.add(publish(aggregate, registered(aggregate.substring(0, 4) + "-" + i)));
            }
        }
        await().atMost(PATIENCE).until(relay::isFailing);
        assertThat(unpublished()).isGreaterThanOrEqualTo(written.size());

        MessagingTestApplication.BROKER.restore();
        MessagingTestApplication.DATABASE.restore();

        written.forEach(event -> awaitEffect(event.eventId()));
        for (String aggregate : aggregates) {
            String prefix = aggregate.substring(0, 4) + "-";
            assertThat(effectNames(aggregate)).containsExactly(prefix + 0, prefix + 1, prefix + 2, prefix + 3, prefix + 4);
        }
    }

    @Test
    void aPoisonMessageIsDeadLetteredAfterItsAttemptsWhileTheMessagesBehindItFlowAndReplayDeliversIt() {
        MessagingTestApplication.POISONED.add("poison");
        MessagingTestApplication.POISON_ATTEMPTS.set(0);
        String aggregate = UUID.randomUUID().toString();
        double deadLetteredBefore = meters.get("kaimono.dead.lettered").tag("queue", MessagingTestApplication.QUEUE)
                .counter().count();

        EventEnvelope poison = publish(aggregate, new UserProfileUpdated(UUID.randomUUID(), "poison", Instant.now()));
        List<EventEnvelope> behind = List.of(publish(aggregate, registered("after-1")), publish(aggregate, registered("after-2")));

        behind.forEach(event -> awaitEffect(event.eventId()));
        // Looking is get-and-requeue; a look on another channel may briefly miss a message being requeued.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadLetters.list(MessagingTestApplication.QUEUE, 10))
                .singleElement().satisfies(letter -> {
                    assertThat(letter.messageId()).isEqualTo(poison.eventId().toString());
                    assertThat(letter.type()).isEqualTo("user.profile-updated");
                    assertThat(letter.failure()).contains("cannot apply poison");
                }));
        assertThat(MessagingTestApplication.POISON_ATTEMPTS).hasValue(3);
        assertThat(meters.get("kaimono.dead.lettered").tag("queue", MessagingTestApplication.QUEUE).counter().count())
                .isEqualTo(deadLetteredBefore + 1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                meters.get("kaimono.dead.letters").tag("queue", MessagingTestApplication.QUEUE).gauge().value())
                .as("the dead-letter queue's depth, asked of the broker").isEqualTo(1.0));

        MessagingTestApplication.POISONED.clear();
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(deadLetters.replay(MessagingTestApplication.QUEUE, poison.eventId().toString())).isEqualTo(1));

        awaitEffect(poison.eventId());
        assertThat(deadLetters.list(MessagingTestApplication.QUEUE, 10)).isEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                meters.get("kaimono.dead.letters").tag("queue", MessagingTestApplication.QUEUE).gauge().value()).isZero());
    }

    @Test
    void aDeliveryWaitsOutADatabaseOutageLongerThanItsAttemptsAndIsAppliedOnceTheDatabaseIsBack() {
        double deadLetteredBefore = meters.get("kaimono.dead.lettered").tag("queue", MessagingTestApplication.QUEUE)
                .counter().count();
        double waitsBefore = storeWaits();
        MessagingTestApplication.DATABASE.cut();

        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), UserRegistered.TYPE.name(), 1, Instant.now(),
                "test", UUID.randomUUID().toString(), UUID.randomUUID(), null, codec.toData(registered("after-outage")));
        send(envelope);
        // Twice the three attempts this context allows a failing delivery: a dead-lettering consumer would be done.
        await().atMost(PATIENCE).until(() -> storeWaits() >= waitsBefore + 6);
        MessagingTestApplication.DATABASE.restore();

        // The pool's first connections may still be the ones it began opening during the cut.
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(effectNames(envelope.aggregateId())).containsExactly("after-outage"));
        assertThat(meters.get("kaimono.dead.lettered").tag("queue", MessagingTestApplication.QUEUE).counter().count())
                .isEqualTo(deadLetteredBefore);
        assertThat(deadLetters.list(MessagingTestApplication.QUEUE, 10)).isEmpty();
    }

    @Test
    void theInboxForgetsDeliveriesOlderThanItsRetentionInBatchesAndKeepsTheRest() {
        String consumer = "retention-" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO inbox_event (consumer, event_id, received_at)
                SELECT :consumer, gen_random_uuid(), now() - interval '15 days' FROM generate_series(1, 2500)""")
                .param("consumer", consumer).update();
        UUID recent = UUID.randomUUID();
        jdbc.sql("INSERT INTO inbox_event (consumer, event_id, received_at) VALUES (:consumer, :id, now() - interval '13 days')")
                .param("consumer", consumer).param("id", recent).update();

        int forgotten = inbox.forgetBefore(Instant.now().minus(Duration.ofDays(14)));

        assertThat(forgotten).isGreaterThanOrEqualTo(2500);
        assertThat(jdbc.sql("SELECT event_id FROM inbox_event WHERE consumer = :consumer").param("consumer", consumer)
                .query(UUID.class).list()).containsExactly(recent);
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), UserRegistered.TYPE.name(), 1, Instant.now(),
                "test", UUID.randomUUID().toString(), UUID.randomUUID(), null, codec.toData(registered("twice")));
        double duplicatesBefore = duplicates();

        for (int delivery = 0; delivery < 2; delivery++) {
            rabbit.send(Topology.EVENTS_EXCHANGE, UserRegistered.TYPE.name(), MessageBuilder.withBody(codec.encode(envelope))
                    .setContentType(MessageProperties.CONTENT_TYPE_JSON).setMessageId(envelope.eventId().toString()).build());
        }

        await().atMost(PATIENCE).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(effectNames(envelope.aggregateId())).containsExactly("twice");
    }

    @Test
    void aSelfIdempotentHandlerRunsOutsideTheInboxTransactionAndARedeliveryAfterItIsSkipped() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), ProductDiscontinued.TYPE.name(), 1, Instant.now(),
                "test", UUID.randomUUID().toString(), UUID.randomUUID(), null,
                codec.toData(new ProductDiscontinued(UUID.randomUUID(), "TEA-1")));
        double duplicatesBefore = duplicates();

        send(envelope);
        awaitEffect(envelope.eventId());
        await().atMost(PATIENCE).until(() -> inbox.applied(MessagingTestApplication.QUEUE, envelope.eventId()));
        send(envelope);

        await().atMost(PATIENCE).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(effectNames(envelope.aggregateId())).containsExactly("in-transaction=false");
    }

    @Test
    void correlationAndCausationFollowTheMessageBeingHandled() {
        EventEnvelope cause = new EventEnvelope(UUID.randomUUID(), UserRegistered.TYPE.name(), 1, Instant.now(),
                "test", "a", UUID.randomUUID(), null, codec.toData(registered("cause")));

        EventEnvelope[] effect = new EventEnvelope[1];
        transactions.executeWithoutResult(status -> MessageContext.runWithin(cause,
                () -> effect[0] = outbox.publish(UserProfileUpdated.TYPE, "a", new UserProfileUpdated(UUID.randomUUID(), "x", Instant.now()))));
        EventEnvelope stored = codec.decode(jdbc.sql("SELECT body FROM outbox_event WHERE event_id = :id")
                .param("id", effect[0].eventId()).query(String.class).single().getBytes(StandardCharsets.UTF_8));

        assertThat(stored.correlationId()).isEqualTo(cause.correlationId());
        assertThat(stored.causationId()).isEqualTo(cause.eventId());
        assertThat(stored.source()).isEqualTo("messaging-test");
    }

    @Test
    void twoRelaysOnOneDatabaseNeverPublishTheSameEventTwice() throws Exception {
        OutboxRelay secondInstance = new OutboxRelay(jdbc, rabbit,
                new MessagingProperties.Relay(true, 5, Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofMillis(50),
                        Duration.ofHours(1), Duration.ofSeconds(30)), "second-instance", java.time.Clock.systemUTC(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        double duplicatesBefore = duplicates();
        String aggregate = UUID.randomUUID().toString();
        List<EventEnvelope> events = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 40; i++) {
                events.add(outbox.publish(UserRegistered.TYPE, aggregate, registered("pair-" + i)));
            }
        });

        Thread competitor = Thread.ofVirtual().start(() -> {
            while (unpublished() > 0) {
                secondInstance.publishBatch();
            }
        });
        events.forEach(event -> awaitEffect(event.eventId()));
        competitor.join(PATIENCE);

        assertThat(duplicates()).isEqualTo(duplicatesBefore);
        assertThat(effectNames(aggregate)).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 40).mapToObj(i -> "pair-" + i).toList());
    }

    @Test
    void oneInstanceHoldsTheRelayLeaseUntilItGivesItUpOrStopsRenewingIt() {
        String name = "test-lease-" + UUID.randomUUID();
        java.time.Clock clock = java.time.Clock.systemUTC();
        RelayLease first = new RelayLease(jdbc, name, "first", Duration.ofMillis(600), clock);
        RelayLease second = new RelayLease(jdbc, name, "second", Duration.ofMillis(600), clock);

        assertThat(first.holds()).isTrue();
        assertThat(second.holds()).isFalse();
        first.release();
        assertThat(second.holds()).isTrue();
        assertThat(first.holds()).isFalse();

        // The second stops renewing (as if killed): the first takes over once the term has run out, not before.
        await().atMost(PATIENCE).until(first::holds);
        assertThat(jdbc.sql("SELECT owner FROM outbox_relay_lease WHERE name = :name").param("name", name)
                .query(String.class).single()).isEqualTo("first");
    }

    @Test
    void theConsumerJoinsTheTraceOfTheTransactionThatStoredTheEvent() {
        Span producer = tracer.nextSpan().name("register-user").start();
        EventEnvelope event;
        try (Tracer.SpanInScope scope = tracer.withSpan(producer)) {
            event = publish(UUID.randomUUID().toString(), registered("traced"));
        } finally {
            producer.end();
        }

        awaitEffect(event.eventId());
        assertThat(jdbc.sql("SELECT trace_id FROM test_effect WHERE event_id = :id").param("id", event.eventId())
                .query(String.class).single()).isEqualTo(producer.context().traceId());
    }

    private EventEnvelope publish(String aggregate, Object payload) {
        return transactions.execute(status -> payload instanceof UserRegistered registered
                ? outbox.publish(UserRegistered.TYPE, aggregate, registered)
                : outbox.publish(UserProfileUpdated.TYPE, aggregate, (UserProfileUpdated) payload));
    }

    private double storeWaits() {
        return meters.get("kaimono.inbox.store.waits").tag("queue", MessagingTestApplication.QUEUE).counter().count();
    }

    private void send(EventEnvelope envelope) {
        rabbit.send(Topology.EVENTS_EXCHANGE, envelope.eventType(), MessageBuilder.withBody(codec.encode(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON).setMessageId(envelope.eventId().toString()).build());
    }

    private static UserRegistered registered(String name) {
        return new UserRegistered(UUID.randomUUID(), name + "@example.com", name, Instant.now());
    }

    private void awaitEffect(UUID eventId) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM test_effect WHERE event_id = :id")
                .param("id", eventId).query(Long.class).single() > 0);
    }

    private List<String> effectNames(String aggregate) {
        return jdbc.sql("SELECT name FROM test_effect WHERE aggregate_id = :a ORDER BY seq").param("a", aggregate)
                .query(String.class).list();
    }

    private long unpublished() {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
    }

    private double duplicates() {
        var counter = meters.find("kaimono.inbox.duplicates").counter();
        return counter == null ? 0 : counter.count();
    }
}
