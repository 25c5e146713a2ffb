package dev.kaimono.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes inbox rows older than the retention, in bounded batches, at every cleanup interval, so the
 * inbox does not grow for ever. Several instances may run it at once: deleting is idempotent.
 */
final class InboxRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);
    private static final int BATCH = 1000;

    private final Inbox inbox;
    private final Duration retention;
    private final Duration interval;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;

    InboxRetention(Inbox inbox, Duration retention, Duration interval, Clock clock) {
        this.inbox = inbox;
        this.retention = retention;
        this.interval = interval;
        this.clock = clock;
    }

    /** Deletes every delivery older than the retention; returns how many. */
    int forgetExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = inbox.forgetBefore(clock.instant().minus(retention), BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private void run() {
        try {
            int forgotten = forgetExpired();
            if (forgotten > 0) {
                log.debug("Inbox forgot {} deliveries older than {}", forgotten, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Inbox cleanup failed ({}); retrying in {}", e.getMessage(), interval);
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("inbox-retention").factory());
        executor.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
