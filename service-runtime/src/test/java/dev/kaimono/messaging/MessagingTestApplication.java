package dev.kaimono.messaging;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import dev.kaimono.events.ProductDiscontinued;
import dev.kaimono.events.UserProfileUpdated;
import dev.kaimono.events.UserRegistered;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.testsupport.Infrastructure;
import dev.kaimono.testsupport.TcpProxy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * A minimal service for the plumbing tests: it consumes {@code user.*} events from its queue and
 * records each effect in {@code test_effect}. Its broker and database connections run through
 * {@link TcpProxy}s so a test can make RabbitMQ or PostgreSQL unreachable.
 */
@SpringBootApplication
class MessagingTestApplication {

    static final String QUEUE = "messaging-test.events";
    static final TcpProxy BROKER = new TcpProxy(Infrastructure.rabbitMq().host(), Infrastructure.rabbitMq().port());
    static final TcpProxy DATABASE = new TcpProxy(Infrastructure.postgres().host(), Infrastructure.postgres().port());

    /** Effects the handlers may not apply (poison) until healed, and how often each was attempted. */
    static final Set<String> POISONED = ConcurrentHashMap.newKeySet();
    static final AtomicInteger POISON_ATTEMPTS = new AtomicInteger();
    /** When each event was applied (System.nanoTime), for the benchmark. */
    static final Map<UUID, Long> APPLIED = new ConcurrentHashMap<>();

    @Bean
    CachingConnectionFactory connectionFactory(Environment environment) {
        CachingConnectionFactory factory = new CachingConnectionFactory(BROKER.host(), BROKER.port());
        factory.setVirtualHost(environment.getRequiredProperty("spring.rabbitmq.virtual-host"));
        factory.setUsername(environment.getRequiredProperty("spring.rabbitmq.username"));
        factory.setPassword(environment.getRequiredProperty("spring.rabbitmq.password"));
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        factory.setConnectionTimeout(2000);
        return factory;
    }

    /** The database the test infrastructure made for this context, reached through {@link #DATABASE}. */
    @Bean
    HikariDataSource dataSource(DataSourceProperties properties) {
        String direct = "//%s:%d/".formatted(Infrastructure.postgres().host(), Infrastructure.postgres().port());
        HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class)
                .url(properties.getUrl().replace(direct, "//%s:%d/".formatted(DATABASE.host(), DATABASE.port())))
                .build();
        // Hikari's shortest: a delivery meets an outage within a quarter second.
        dataSource.setConnectionTimeout(250);
        return dataSource;
    }

    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    MessageHandlers testHandlers(JdbcClient jdbc, Tracer tracer) {
        return MessageHandlers.queue(QUEUE)
                .on(UserRegistered.TYPE, (event, envelope) -> record(jdbc, envelope, event.name(), tracer))
                .on(UserProfileUpdated.TYPE, (event, envelope) -> {
                    if (POISONED.contains(event.name())) {
                        POISON_ATTEMPTS.incrementAndGet();
                        throw new IllegalStateException("cannot apply " + event.name());
                    }
                    record(jdbc, envelope, event.name(), tracer);
                })
                // Records whether a transaction was open around it: none should be, for a handler registered this way.
                .onIdempotent(ProductDiscontinued.TYPE, (event, envelope) -> record(jdbc, envelope,
                        "in-transaction=" + TransactionSynchronizationManager.isActualTransactionActive(), tracer));
    }

    private static void record(JdbcClient jdbc, EventEnvelope envelope, String name, Tracer tracer) {
        APPLIED.put(envelope.eventId(), System.nanoTime());
        Span span = tracer.currentSpan();
        jdbc.sql("INSERT INTO test_effect (event_id, aggregate_id, name, trace_id) VALUES (:id, :aggregate, :name, :trace)")
                .param("id", envelope.eventId()).param("aggregate", envelope.aggregateId()).param("name", name)
                .param("trace", span == null ? null : span.context().traceId()).update();
    }
}
