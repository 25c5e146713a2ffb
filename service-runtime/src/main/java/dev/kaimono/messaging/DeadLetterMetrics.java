package dev.kaimono.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code kaimono.dead.letters{queue}}: how many messages wait in each consumer queue's dead-letter queue.
 * A scrape reads the depths the broker last reported and asks it again in the background, so a slow or
 * unreachable broker never slows the scrape (which would make the service look down); the value is one
 * scrape old. A broker that could not be asked gives no value (NaN) rather than a reassuring zero.
 */
final class DeadLetterMetrics implements MeterBinder {

    private final DeadLetters deadLetters;
    private final List<String> queues;
    private final Map<String, Double> depths = new ConcurrentHashMap<>();
    private final AtomicBoolean asking = new AtomicBoolean();

    DeadLetterMetrics(DeadLetters deadLetters, List<String> queues) {
        this.deadLetters = deadLetters;
        this.queues = List.copyOf(queues);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : queues) {
            Gauge.builder("kaimono.dead.letters", this, metrics -> metrics.waiting(queue))
                    .description("Messages waiting in the queue's dead-letter queue")
                    .tag("queue", queue)
                    .strongReference(true)
                    .register(registry);
        }
    }

    private double waiting(String queue) {
        askTheBroker();
        return depths.getOrDefault(queue, Double.NaN);
    }

    private void askTheBroker() {
        if (!asking.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("dead-letter-depths").start(() -> {
            try {
                for (String queue : queues) {
                    long count = deadLetters.count(queue);
                    depths.put(queue, count < 0 ? Double.NaN : count);
                }
            } finally {
                asking.set(false);
            }
        });
    }
}
