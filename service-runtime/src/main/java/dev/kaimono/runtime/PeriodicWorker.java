package dev.kaimono.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The one way a service runs background work (relays, projections, deadline scans, expiry and recovery
 * sweeps, retention): a task on a virtual thread of its own, run at start, then every {@code interval}, at once
 * when {@link #nudge nudged}, and again at once while it reports a full batch, until the application stops.
 * A failing task is logged once, retried with a back-off that doubles up to its maximum, and logged again
 * when it works. Stopping lets the round in flight finish (interrupting JDBC or AMQP I/O would break the
 * connection), then runs the task's stop action.
 *
 * <pre>{@code
 * PeriodicWorker.named("outbox-relay").every(Duration.ofMillis(500)).againWhenFull(200)
 *         .backoffUpTo(Duration.ofSeconds(5)).task(relay::publishBatch);
 * }</pre>
 */
public final class PeriodicWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicWorker.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Duration interval;
    private final Duration maxBackoff;
    private final int fullBatch;
    private final boolean enabled;
    private final int phase;
    private final IntSupplier task;
    private final Runnable onStop;
    private final Semaphore nudges = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean failing;
    private volatile Thread thread;

    private PeriodicWorker(Builder builder, IntSupplier task) {
        this.name = builder.name;
        this.interval = builder.interval;
        this.maxBackoff = builder.maxBackoff == null ? builder.interval : builder.maxBackoff;
        this.fullBatch = builder.fullBatch;
        this.enabled = builder.enabled;
        this.phase = builder.phase;
        this.onStop = builder.onStop;
        this.task = task;
    }

    /** A worker of this name (the name of its thread and of its log lines). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Runs the task at once (after the round in flight, if any) instead of at the end of the interval. */
    public void nudge() {
        nudges.release();
    }

    /** Whether the last round failed. */
    public boolean isFailing() {
        return failing;
    }

    private void loop() {
        Duration backoff = interval;
        try {
            while (running) {
                try {
                    int handled = task.getAsInt();
                    if (failing) {
                        log.info("{} works again", name);
                        failing = false;
                    }
                    backoff = interval;
                    if (fullBatch > 0 && handled >= fullBatch) {
                        continue;
                    }
                    await(interval);
                }
                catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    if (!failing) {
                        log.warn("{} failed; retrying with a back-off of up to {}", name, maxBackoff, e);
                        failing = true;
                    }
                    await(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            stopped();
        }
    }

    private void await(Duration duration) throws InterruptedException {
        nudges.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
        nudges.drainPermits();
    }

    private void stopped() {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            onStop.run();
        }
        catch (RuntimeException e) {
            log.debug("{} could not finish cleanly", name, e);
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

    /** Lets the round in flight finish (up to ten seconds), then interrupts it. */
    @Override
    public void stop() {
        running = false;
        Thread worker = thread;
        if (worker == null) {
            return;
        }
        nudge();
        try {
            if (!worker.join(STOP_GRACE)) {
                worker.interrupt();
                worker.join(STOP_GRACE);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }

    /** How a {@link PeriodicWorker} runs; {@link #task} builds it. */
    public static final class Builder {

        private final String name;
        private Duration interval = Duration.ofSeconds(1);
        private Duration maxBackoff;
        private int fullBatch;
        private boolean enabled = true;
        private int phase = SmartLifecycle.DEFAULT_PHASE;
        private Runnable onStop = () -> { };

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        /** How long to wait after a round that did not fill a batch (default one second). */
        public Builder every(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException(name + ": the interval must be positive, not " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** The longest wait between failing rounds; the first wait is the interval (default: the interval). */
        public Builder backoffUpTo(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** Run again at once when a round handled this many items or more: there may be more waiting. */
        public Builder againWhenFull(int batchSize) {
            this.fullBatch = batchSize;
            return this;
        }

        /** A disabled worker never starts (e.g. a job switched off by a property). */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** The lifecycle phase: a worker that must outlive the web server (a relay) stops in a lower one. */
        public Builder phase(int phase) {
            this.phase = phase;
            return this;
        }

        /** Runs once the worker's thread ends on stop, e.g. to give up a lease. */
        public Builder onStop(Runnable onStop) {
            this.onStop = Objects.requireNonNull(onStop);
            return this;
        }

        /** The worker running {@code task}, which returns how many items it handled. */
        public PeriodicWorker task(IntSupplier task) {
            return new PeriodicWorker(this, Objects.requireNonNull(task));
        }

        /** The worker running {@code task}, which never fills a batch. */
        public PeriodicWorker runs(Runnable task) {
            Objects.requireNonNull(task);
            return task(() -> {
                task.run();
                return 0;
            });
        }
    }
}
