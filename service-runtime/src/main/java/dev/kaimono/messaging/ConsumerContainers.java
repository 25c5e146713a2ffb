package dev.kaimono.messaging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.transaction.support.TransactionOperations;

import dev.kaimono.events.wire.MalformedMessageException;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.runtime.StoreOutages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One listener container per {@link MessageHandlers} queue. A delivery that fails is retried with
 * exponential backoff; after the last attempt, or at once for a {@link MalformedMessageException},
 * it is republished to the dead-letter exchange with the failure in its {@code x-exception-*} headers
 * and acknowledged, so the messages behind it keep flowing. A database outage is not the message's fault: the
 * listener waits it out, and if it still surfaces (the container stopping) the message goes back to its queue.
 */
final class ConsumerContainers implements SmartLifecycle {

    private final List<SimpleMessageListenerContainer> containers;
    private final List<InboxMessageListener> listeners = new ArrayList<>();
    private volatile boolean running;

    ConsumerContainers(List<MessageHandlers> handlers, ConnectionFactory connectionFactory, RabbitTemplate rabbit,
            MessageCodec codec, Inbox inbox, TransactionOperations transactions, MessagingProperties.Consumer settings,
            MeterRegistry meters, ApplicationContext applicationContext) {
        this.containers = handlers.stream().map(queue -> {
            SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
            container.setQueueNames(queue.queueName());
            InboxMessageListener listener = new InboxMessageListener(queue, codec, inbox, transactions, meters,
                    settings.outageBackOff());
            listeners.add(listener);
            container.setMessageListener(listener);
            container.setPrefetchCount(settings.prefetch());
            container.setConcurrentConsumers(settings.consumersOf(queue.queueName()));
            container.setDefaultRequeueRejected(false);
            container.setTaskExecutor(new VirtualThreadTaskExecutor(queue.queueName() + "-"));
            container.setApplicationContext(applicationContext);
            container.setObservationEnabled(true);
            container.setAdviceChain(RetryInterceptorBuilder.stateless()
                    .configureRetryPolicy(policy -> policy
                            .maxRetries(settings.maxAttempts() - 1)
                            .delay(settings.initialInterval())
                            .multiplier(settings.multiplier())
                            .maxDelay(settings.maxInterval())
                            .predicate(failure -> !isMalformed(failure) && !StoreOutages.causedBy(failure)))
                    .recoverer(new CountingRecoverer(rabbit, queue.queueName(), meters))
                    .build());
            container.afterPropertiesSet();
            return container;
        }).toList();
    }

    /** Dead-letters a delivery and counts it in {@code kaimono.dead.lettered{queue}}. */
    private static final class CountingRecoverer extends RepublishMessageRecoverer {

        private final Counter deadLettered;

        CountingRecoverer(RabbitTemplate rabbit, String queue, MeterRegistry meters) {
            super(rabbit, Topology.DEAD_LETTER_EXCHANGE, queue);
            // Registered up front, so that rate() has a series before the first failure.
            this.deadLettered = Counter.builder("kaimono.dead.lettered")
                    .description("Deliveries moved to the dead-letter queue after failing")
                    .tag("queue", queue)
                    .register(meters);
        }

        @Override
        public void recover(Message message, Throwable cause) {
            if (StoreOutages.causedBy(cause)) {
                throw new ImmediateRequeueAmqpException("the database is out of reach; back to the queue", cause);
            }
            super.recover(message, cause);
            deadLettered.increment();
        }
    }

    static boolean isMalformed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedMessageException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void start() {
        listeners.forEach(InboxMessageListener::start);
        containers.forEach(SimpleMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        listeners.forEach(InboxMessageListener::stop);
        containers.forEach(SimpleMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
