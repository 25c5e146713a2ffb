package dev.kaimono.catalog.outbox;

import java.time.Clock;
import java.util.List;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.MessagingProperties;
import dev.kaimono.messaging.RelayOwner;
import dev.kaimono.messaging.TraceContextHeaders;
import dev.kaimono.runtime.LateBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Catalog's outbox and its relay over the collections whose documents carry pending events. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    /** The collections whose documents carry pending events: products, reviews. */
    static final List<String> COLLECTIONS = List.of("products", "reviews");

    @Bean
    MongoOutbox mongoOutbox(MessageCodec codec, Environment environment, Clock clock,
            ObjectProvider<TraceContextHeaders> traceContext, ObjectProvider<MongoOutboxRelay> relay) {
        LateBean<MongoOutboxRelay> relays = LateBean.of(relay);
        return new MongoOutbox(codec, environment.getProperty("spring.application.name", "catalog-service"), clock,
                traceContext.getIfAvailable(() -> TraceContextHeaders.NONE), () -> relays.ifAvailable(MongoOutboxRelay::nudge));
    }

    @Bean
    @ConditionalOnProperty(name = "kaimono.messaging.relay.enabled", matchIfMissing = true)
    MongoOutboxRelay mongoOutboxRelay(MongoTemplate mongo, RabbitTemplate rabbit, MessagingProperties messaging,
            Environment environment, Clock clock, ObjectProvider<MeterRegistry> meters) {
        RelayLease lease = new RelayLease(mongo, RelayOwner.of(environment), messaging.relay().lease(), clock);
        return new MongoOutboxRelay(mongo, COLLECTIONS, rabbit, lease, messaging.relay(), clock,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
