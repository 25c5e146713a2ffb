package dev.kaimono.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What every outbox relay shares, whatever its store: publishing a batch of stored events on one channel
 * and waiting for the broker's confirms, and the outbox meters ({@code kaimono.outbox.backlog},
 * {@code kaimono.outbox.publish.lag}, {@code kaimono.outbox.published}).
 */
public final class OutboxPublisher {

    /** A stored event as it goes out: the exact body, where to, its trace headers, and when it was stored. */
    public record Outgoing(String eventId, String eventType, String exchange, String routingKey, String body,
            Map<String, String> headers, Instant storedAt) {
    }

    private final RabbitTemplate rabbit;
    private final Duration confirmTimeout;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final Timer lag;
    private final Counter published;

    public OutboxPublisher(RabbitTemplate rabbit, Duration confirmTimeout, Clock clock, MeterRegistry meters) {
        this.rabbit = rabbit;
        this.confirmTimeout = confirmTimeout;
        this.clock = clock;
        Gauge.builder("kaimono.outbox.backlog", backlog, AtomicLong::get)
                .description("Events stored in the outbox and not yet confirmed by the broker").register(meters);
        this.lag = Timer.builder("kaimono.outbox.publish.lag")
                .description("Time from storing an event in the outbox to the broker's confirm")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(meters);
        this.published = Counter.builder("kaimono.outbox.published").description("Events confirmed by the broker")
                .register(meters);
    }

    /**
     * Sends the batch in order on one channel and returns once the broker confirmed every event, counting
     * them and their publish lag; otherwise throws, and the caller keeps them to try again.
     *
     * @throws IllegalStateException when the broker did not confirm them all within the timeout
     */
    public void publishAndConfirm(List<Outgoing> batch) {
        Boolean confirmed = rabbit.invoke(operations -> {
            for (Outgoing event : batch) {
                operations.send(event.exchange(), event.routingKey(), message(event));
            }
            return operations.waitForConfirms(confirmTimeout.toMillis());
        });
        if (!Boolean.TRUE.equals(confirmed)) {
            throw new IllegalStateException("The broker did not confirm %d events within %s".formatted(batch.size(), confirmTimeout));
        }
        Instant confirmedAt = clock.instant();
        batch.forEach(event -> lag.record(Duration.between(event.storedAt(), confirmedAt)));
        published.increment(batch.size());
    }

    /** Sets the backlog gauge: events stored and not yet confirmed. */
    public void backlog(long events) {
        backlog.set(events);
    }

    public long backlog() {
        return backlog.get();
    }

    private static Message message(Outgoing event) {
        MessageBuilder builder = MessageBuilder.withBody(event.body().getBytes(StandardCharsets.UTF_8));
        // The trace context of the transaction that stored the event, so that its consumers join that trace.
        if (event.headers() != null) {
            event.headers().forEach(builder::setHeader);
        }
        return builder
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setContentEncoding(StandardCharsets.UTF_8.name())
                .setMessageId(event.eventId())
                .setType(event.eventType())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
    }
}
