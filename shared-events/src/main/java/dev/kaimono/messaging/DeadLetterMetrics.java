package dev.kaimono.messaging;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code kaimono.dead.letters{queue}}: how many messages wait in each consumer queue's dead-letter
 * queue, asked of the broker at every scrape. A broker that cannot be asked gives no value (NaN)
 * rather than a reassuring zero.
 */
final class DeadLetterMetrics implements MeterBinder {

    private final DeadLetters deadLetters;
    private final List<String> queues;

    DeadLetterMetrics(DeadLetters deadLetters, List<String> queues) {
        this.deadLetters = deadLetters;
        this.queues = List.copyOf(queues);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : queues) {
            Gauge.builder("kaimono.dead.letters", deadLetters, letters -> waiting(letters, queue))
                    .description("Messages waiting in the queue's dead-letter queue")
                    .tag("queue", queue)
                    .strongReference(true)
                    .register(registry);
        }
    }

    private static double waiting(DeadLetters letters, String queue) {
        long count = letters.count(queue);
        return count < 0 ? Double.NaN : count;
    }
}
