package dev.kaimono.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.events.wire.Upcaster;
import dev.kaimono.runtime.LateBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Wires the messaging plumbing into every service that has RabbitMQ: codec, exchanges and the
 * consumers' topology, dead letters; with a JDBC database also the outbox and its relay, the inbox,
 * and the listener containers of its {@link MessageHandlers} beans.
 */
@AutoConfiguration(afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnClass(RabbitTemplate.class)
@ConditionalOnBean(ConnectionFactory.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    MessageCodec messageCodec(ObjectProvider<Upcaster> upcasters) {
        return new MessageCodec(upcasters.orderedStream().toList());
    }

    @Bean
    Declarables kaimonoTopology(ObjectProvider<MessageHandlers> handlers, MessagingProperties properties) {
        List<Declarable> declarables = new ArrayList<>(Topology.exchanges());
        handlers.orderedStream().forEach(queue ->
                declarables.addAll(Topology.consumer(queue.queueName(), queue.types(), properties.quorumQueues())));
        return new Declarables(declarables);
    }

    @Bean
    DeadLetters deadLetters(RabbitTemplate rabbit) {
        return new DeadLetters(rabbit);
    }

    @Bean
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    DeadLetterMetrics deadLetterMetrics(DeadLetters deadLetters, ObjectProvider<MessageHandlers> handlers) {
        return new DeadLetterMetrics(deadLetters, handlers.orderedStream().map(MessageHandlers::queueName).toList());
    }

    /** Dead-letter administration over HTTP, in services with Spring MVC and Spring Security. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
    static class DeadLetterAdministration {

        @Bean
        DeadLetterController deadLetterController(DeadLetters deadLetters, ObjectProvider<MessageHandlers> handlers) {
            return new DeadLetterController(deadLetters, handlers.orderedStream().toList());
        }
    }

    /** With Micrometer Tracing present, stored events carry the trace context of their transaction. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
    static class TracingConfiguration {

        @Bean
        TraceContextHeaders traceContextHeaders(ObjectProvider<io.micrometer.tracing.Tracer> tracer,
                ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
            return new MicrometerTraceContextHeaders(LateBean.of(tracer), LateBean.of(propagator));
        }
    }
}
