package dev.kaimono.messaging;

import java.time.Clock;
import java.time.Duration;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.runtime.LateBean;
import dev.kaimono.runtime.PeriodicWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The outbox, its relay, the inbox and the consumers, for services with RabbitMQ and a PostgreSQL database. */
@AutoConfiguration(after = MessagingAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({RabbitTemplate.class, JdbcClient.class})
@ConditionalOnBean({ConnectionFactory.class, JdbcClient.class, PlatformTransactionManager.class, MessageCodec.class})
public class JdbcMessagingAutoConfiguration {


    @Bean
    Outbox outbox(JdbcClient jdbc, MessageCodec codec, Environment environment, ObjectProvider<OutboxRelay> relay,
            ObjectProvider<TraceContextHeaders> traceContext) {
        String source = environment.getProperty("spring.application.name", "unknown-service");
        LateBean<OutboxRelay> relays = LateBean.of(relay);
        return new Outbox(jdbc, codec, source, Clock.systemUTC(), traceContext.getIfAvailable(() -> TraceContextHeaders.NONE),
                () -> relays.ifAvailable(OutboxRelay::nudge));
    }

    @Bean
    @ConditionalOnProperty(name = "kaimono.messaging.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcClient jdbc, RabbitTemplate rabbit, MessagingProperties properties,
            Environment environment, ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(jdbc, rabbit, properties.relay(), RelayOwner.of(environment), Clock.systemUTC(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Deletes published events older than the retention, so the outbox does not grow for ever. */
    @Bean
    PeriodicWorker outboxRetention(Outbox outbox, MessagingProperties properties) {
        Duration retention = properties.relay().retention();
        return PeriodicWorker.named("outbox-retention").every(Duration.ofMinutes(1))
                .task(() -> outbox.forgetPublishedBefore(Clock.systemUTC().instant().minus(retention)));
    }

    @Bean
    Inbox inbox(JdbcClient jdbc) {
        return new JdbcInbox(jdbc);
    }

    /** Deletes inbox rows older than the retention, so the inbox does not grow for ever. */
    @Bean
    PeriodicWorker inboxRetention(Inbox inbox, MessagingProperties properties) {
        return Inbox.retention(inbox, properties.consumer());
    }

    @Bean
    ConsumerContainers consumerContainers(ObjectProvider<MessageHandlers> handlers, ConnectionFactory connectionFactory,
            RabbitTemplate rabbit, MessageCodec codec, Inbox inbox, PlatformTransactionManager transactionManager,
            MessagingProperties properties, ObjectProvider<MeterRegistry> meters, ApplicationContext applicationContext) {
        return new ConsumerContainers(handlers.orderedStream().toList(), connectionFactory, rabbit, codec, inbox,
                new TransactionTemplate(transactionManager), properties.consumer(),
                meters.getIfAvailable(SimpleMeterRegistry::new), applicationContext);
    }
}
