package dev.kaimono.messaging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.wire.Exchanges;

/**
 * The RabbitMQ names of ARCHITECTURE §2 and the declarations a consumer needs: its durable queue
 * bound to exactly the routing keys it handles, dead-lettering to {@value #DEAD_LETTER_EXCHANGE},
 * where its parking-lot queue {@code <queue>.dlq} waits.
 */
public final class Topology {

    public static final String EVENTS_EXCHANGE = Exchanges.EVENTS;
    public static final String COMMANDS_EXCHANGE = Exchanges.COMMANDS;
    public static final String DEAD_LETTER_EXCHANGE = "kaimono.dlx";

    private Topology() {
    }

    public static String exchangeFor(MessageType<?> type) {
        return Exchanges.of(type);
    }

    public static String deadLetterQueueOf(String queue) {
        return queue + ".dlq";
    }

    /** The exchanges every service declares (declaring is idempotent). */
    public static List<Declarable> exchanges() {
        return List.of(new TopicExchange(EVENTS_EXCHANGE, true, false), new TopicExchange(COMMANDS_EXCHANGE, true, false),
                new DirectExchange(DEAD_LETTER_EXCHANGE, true, false));
    }

    /** A consumer's queue, its dead-letter queue and their bindings. */
    static List<Declarable> consumer(String queue, List<MessageType<?>> handled, boolean quorum) {
        QueueBuilder work = QueueBuilder.durable(queue).deadLetterExchange(DEAD_LETTER_EXCHANGE).deadLetterRoutingKey(queue);
        QueueBuilder parking = QueueBuilder.durable(deadLetterQueueOf(queue));
        if (quorum) {
            work.quorum();
            parking.quorum();
        }
        Queue workQueue = work.build();
        Queue deadLetterQueue = parking.build();
        List<Declarable> declarables = new ArrayList<>(List.of(workQueue, deadLetterQueue,
                BindingBuilder.bind(deadLetterQueue).to(new DirectExchange(DEAD_LETTER_EXCHANGE)).with(queue)));
        for (MessageType<?> type : handled) {
            declarables.add(new Binding(queue, Binding.DestinationType.QUEUE, exchangeFor(type), type.name(), null));
        }
        return declarables;
    }
}
