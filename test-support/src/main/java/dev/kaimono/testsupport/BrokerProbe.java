package dev.kaimono.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.Exchanges;
import dev.kaimono.events.wire.MessageCodec;

/**
 * A queue of the test's own on the broker, bound the way a subscriber's would be, to see what a service sends. Every
 * message is decoded as a contract envelope and kept in arrival order; tests look messages up by type and by what
 * they are about. The one probe every module's tests use (issue 16); its queue is deleted on close.
 *
 * <pre>{@code
 * try (BrokerProbe probe = BrokerProbe.on(connectionFactory).events("order.*").commands("#").open()) {
 *     ProcessPayment charge = probe.await(orderId, ProcessPayment.TYPE);
 * }
 * }</pre>
 *
 * Waiting is a blocking receive with a timeout, never a sleep. The queue is neither exclusive nor auto-deleted:
 * Spring pauses cached test contexts (closing their connections) and resumes them later.
 */
public final class BrokerProbe implements AutoCloseable {

    /** How long {@code await} and {@code next} wait before the test fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final MessageCodec CODEC = new MessageCodec(List.of());

    private final AmqpAdmin admin;
    private final RabbitTemplate rabbit;
    private final String queue;
    private final List<Arrival> arrived = Collections.synchronizedList(new ArrayList<>());
    private final Set<EventEnvelope> claimed = Collections.newSetFromMap(new IdentityHashMap<>());

    private BrokerProbe(ConnectionFactory connectionFactory, String name, List<Route> routes) {
        this.admin = new RabbitAdmin(connectionFactory);
        this.rabbit = new RabbitTemplate(connectionFactory);
        this.queue = name + ".probe." + UUID.randomUUID();
        admin.declareQueue(new Queue(queue, false, false, false));
        for (Route route : routes) {
            // Declared as every service declares them, so a probe may listen before the service under test starts.
            admin.declareExchange(new TopicExchange(route.exchange(), true, false));
            admin.declareBinding(new Binding(queue, Binding.DestinationType.QUEUE, route.exchange(), route.routingKey(), null));
        }
    }

    /** A probe on this connection (its virtual host is the one the service under test uses). */
    public static Builder on(ConnectionFactory connectionFactory) {
        return new Builder(connectionFactory);
    }

    /** Matches a message about this aggregate (an order, a product, a user: the envelope's {@code aggregateId}). */
    public static Predicate<Received<?>> about(UUID aggregateId) {
        return received -> received.envelope().aggregateId().equals(aggregateId.toString());
    }

    /** The payloads of every message of the type about the aggregate received so far, in arrival order. */
    public <T> List<T> all(UUID about, MessageType<T> type) {
        return received(type, about(about)).stream().map(Received::payload).toList();
    }

    /** Waits for the first message of the type about the aggregate, and returns its payload. */
    public <T> T await(UUID about, MessageType<T> type) {
        return awaitNth(about, type, 1);
    }

    /** Waits for the {@code nth} (from 1) message of the type about the aggregate, and returns its payload. */
    public <T> T awaitNth(UUID about, MessageType<T> type, int nth) {
        return awaitAtLeast(nth, type, about(about)).get(nth - 1).payload();
    }

    /** Every message of the type received so far that matches, in arrival order. */
    public <T> List<Received<T>> received(MessageType<T> type, Predicate<? super Received<T>> matching) {
        drain(Duration.ZERO);
        List<Received<T>> found = new ArrayList<>();
        synchronized (arrived) {
            for (Arrival message : arrived) {
                if (message.envelope().eventType().equals(type.name())) {
                    Received<T> typed = message.as(type);
                    if (matching.test(typed)) {
                        found.add(typed);
                    }
                }
            }
        }
        return found;
    }

    /** The envelopes of every message received so far, of any type, that match, in arrival order. */
    public List<EventEnvelope> envelopes(Predicate<? super EventEnvelope> matching) {
        drain(Duration.ZERO);
        synchronized (arrived) {
            return arrived.stream().map(Arrival::envelope).filter(matching::test).toList();
        }
    }

    /** Waits until at least {@code count} messages of the type match, and returns all that match so far. */
    public <T> List<Received<T>> awaitAtLeast(int count, MessageType<T> type, Predicate<? super Received<T>> matching) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<Received<T>> found = received(type, matching);
            if (found.size() >= count) {
                return found;
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError("%d of %d %s messages matching the test arrived within %s"
                        .formatted(found.size(), count, type.name(), PATIENCE));
            }
            drain(left.compareTo(Duration.ofMillis(500)) < 0 ? left : Duration.ofMillis(500));
        }
    }

    /** Waits for the first message of the type whose payload matches. */
    public <T> Received<T> await(MessageType<T> type, Predicate<? super T> matching) {
        return awaitAtLeast(1, type, received -> matching.test(received.payload())).getFirst();
    }

    /**
     * Waits for the first message of the type whose payload matches and that no earlier {@code next} returned, and claims
     * it: for a test that expects the same message several times.
     */
    public <T> Received<T> next(MessageType<T> type, Predicate<? super T> matching) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            for (Received<T> candidate : received(type, received -> matching.test(received.payload()))) {
                synchronized (claimed) {
                    if (claimed.add(candidate.envelope())) {
                        return candidate;
                    }
                }
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError("No further %s matching the test arrived within %s".formatted(type.name(), PATIENCE));
            }
            drain(left.compareTo(Duration.ofMillis(500)) < 0 ? left : Duration.ofMillis(500));
        }
    }

    /** Takes what the queue holds; waits up to {@code patience} for the first message when it holds none. */
    private void drain(Duration patience) {
        Message message = patience.isZero() ? rabbit.receive(queue) : rabbit.receive(queue, patience.toMillis());
        while (message != null) {
            arrived.add(new Arrival(message, CODEC.decode(message.getBody())));
            message = rabbit.receive(queue);
        }
    }

    @Override
    public void close() {
        admin.deleteQueue(queue);
    }

    /** A message as it arrived: the AMQP message, its envelope, and its payload as the contract. */
    public record Received<T>(Message message, EventEnvelope envelope, T payload) {
    }

    /** A message as it arrived, decoded as far as its envelope; its payload is read as the type a test asks for. */
    private record Arrival(Message message, EventEnvelope envelope) {

        <T> Received<T> as(MessageType<T> type) {
            return new Received<>(message, envelope, CODEC.payload(envelope, type));
        }
    }

    private record Route(String exchange, String routingKey) {
    }

    /** Says what the probe's queue is bound to, then {@link #open()}s it. */
    public static final class Builder {

        private final ConnectionFactory connectionFactory;
        private final List<Route> routes = new ArrayList<>();
        private String name = "it";

        private Builder(ConnectionFactory connectionFactory) {
            this.connectionFactory = connectionFactory;
        }

        /** The start of the queue's name, e.g. the module's ({@code order-it}), to tell probes apart on the broker. */
        public Builder named(String prefix) {
            this.name = prefix;
            return this;
        }

        /** Events with these routing keys (topic patterns such as {@code order.*}). */
        public Builder events(String... routingKeys) {
            for (String key : routingKeys) {
                routes.add(new Route(Exchanges.EVENTS, key));
            }
            return this;
        }

        /** Commands with these routing keys (topic patterns such as {@code #}). */
        public Builder commands(String... routingKeys) {
            for (String key : routingKeys) {
                routes.add(new Route(Exchanges.COMMANDS, key));
            }
            return this;
        }

        /** Exactly these message types, each on its exchange. */
        public Builder of(MessageType<?>... types) {
            for (MessageType<?> type : types) {
                routes.add(new Route(Exchanges.of(type), type.name()));
            }
            return this;
        }

        public BrokerProbe open() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("A probe is bound to something: events(..), commands(..) or of(..)");
            }
            return new BrokerProbe(connectionFactory, name, routes);
        }
    }
}
