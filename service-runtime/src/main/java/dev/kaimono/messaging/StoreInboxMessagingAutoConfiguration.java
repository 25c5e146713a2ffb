package dev.kaimono.messaging;

import java.util.List;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionOperations;

import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.runtime.PeriodicWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Consumers for a service whose store has no transactions here (catalog on MongoDB): it declares its own
 * {@link Inbox}, and every handler must be registered with {@link MessageHandlers#onIdempotent}, because nothing can
 * apply a handler's effects and the inbox record together. A handler registered otherwise stops the start.
 */
@AutoConfiguration(after = {MessagingAutoConfiguration.class, JdbcMessagingAutoConfiguration.class})
@ConditionalOnBean({Inbox.class, ConnectionFactory.class, MessageCodec.class})
@ConditionalOnMissingBean(ConsumerContainers.class)
public class StoreInboxMessagingAutoConfiguration {

    @Bean
    ConsumerContainers consumerContainers(ObjectProvider<MessageHandlers> handlers, ConnectionFactory connectionFactory,
            RabbitTemplate rabbit, MessageCodec codec, Inbox inbox, MessagingProperties properties,
            ObjectProvider<MeterRegistry> meters, ApplicationContext applicationContext) {
        List<MessageHandlers> queues = handlers.orderedStream().toList();
        queues.forEach(MessageHandlers::requireAllIdempotent);
        return new ConsumerContainers(queues, connectionFactory, rabbit, codec, inbox,
                TransactionOperations.withoutTransaction(), properties.consumer(),
                meters.getIfAvailable(SimpleMeterRegistry::new), applicationContext);
    }

    @Bean
    PeriodicWorker inboxRetention(Inbox inbox, MessagingProperties properties) {
        return Inbox.retention(inbox, properties.consumer());
    }
}
