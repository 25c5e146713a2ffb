package dev.kaimono.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared background worker: when it runs its task again, how it backs off, how it stops. */
class PeriodicWorkerTest {

    private static final Duration NEVER = Duration.ofHours(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private PeriodicWorker worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    @Test
    void runsAgainAtOnceWhileBatchesComeBackFull() {
        AtomicInteger rounds = new AtomicInteger();
        worker = PeriodicWorker.named("test").every(NEVER).againWhenFull(10)
                .task(() -> rounds.incrementAndGet() < 4 ? 10 : 3);

        worker.start();

        await().atMost(PATIENCE).until(() -> rounds.get() == 4);
        assertThat(worker.isFailing()).isFalse();
    }

    @Test
    void aNudgeRunsTheTaskBeforeTheIntervalEnds() {
        AtomicInteger rounds = new AtomicInteger();
        worker = PeriodicWorker.named("test").every(NEVER).runs(rounds::incrementAndGet);
        worker.start();
        await().atMost(PATIENCE).until(() -> rounds.get() == 1);

        worker.nudge();

        await().atMost(PATIENCE).until(() -> rounds.get() == 2);
    }

    @Test
    void aFailingTaskIsRetriedAndReportedUntilItWorksAgain() {
        AtomicInteger rounds = new AtomicInteger();
        AtomicBoolean broken = new AtomicBoolean(true);
        worker = PeriodicWorker.named("test").every(Duration.ofMillis(10)).backoffUpTo(Duration.ofMillis(40))
                .runs(() -> {
                    rounds.incrementAndGet();
                    if (broken.get()) {
                        throw new IllegalStateException("down");
                    }
                });
        worker.start();

        await().atMost(PATIENCE).until(() -> rounds.get() >= 3);
        assertThat(worker.isFailing()).isTrue();

        broken.set(false);
        await().atMost(PATIENCE).until(() -> !worker.isFailing());
    }

    @Test
    void stoppingLetsTheRoundFinishThenRunsTheStopAction() {
        AtomicBoolean released = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        worker = PeriodicWorker.named("test").every(NEVER).onStop(() -> released.set(true)).runs(rounds::incrementAndGet);
        worker.start();
        await().atMost(PATIENCE).until(() -> rounds.get() == 1);

        worker.stop();

        assertThat(released).isTrue();
        assertThat(worker.isRunning()).isFalse();
        assertThat(rounds).hasValue(1);
    }

    @Test
    void aDisabledWorkerNeverRuns() {
        AtomicInteger rounds = new AtomicInteger();
        worker = PeriodicWorker.named("test").enabled(false).runs(rounds::incrementAndGet);

        worker.start();

        assertThat(worker.isRunning()).isFalse();
        assertThat(rounds).hasValue(0);
    }
}
