package dev.kaimono.runtime;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a task on a virtual thread at start, then every {@code interval} or at once when {@link #nudge
 * nudged}, until the application stops; a failing task is logged once and retried at the next interval.
 * For background work every service has: projections, deadline scans, retention.
 */
public final class PeriodicWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicWorker.class);

    private final String name;
    private final Duration interval;
    private final IntSupplier task;
    private final boolean enabled;
    private final Semaphore nudges = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    public PeriodicWorker(String name, Duration interval, boolean enabled, IntSupplier task) {
        this.name = name;
        this.interval = interval;
        this.enabled = enabled;
        this.task = task;
    }

    public void nudge() {
        nudges.release();
    }

    private void loop() {
        boolean failing = false;
        while (running) {
            try {
                task.getAsInt();
                if (failing) {
                    log.info("{} works again", name);
                    failing = false;
                }
                nudges.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                nudges.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("{} failed; retrying every {}", name, interval, e);
                    failing = true;
                }
                try {
                    nudges.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name(name).start(this::loop);
    }

    /** Lets the current round finish (interrupting I/O would break its connection), then stops. */
    @Override
    public void stop() {
        running = false;
        Thread worker = thread;
        if (worker == null) {
            return;
        }
        nudge();
        try {
            if (!worker.join(Duration.ofSeconds(10))) {
                worker.interrupt();
                worker.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
