package dev.kaimono.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it forward; {@link InContext} makes it the application's
 * clock. Access tokens minted after a move are dated in the future for the decoder, which reads the
 * system clock: tests that move it do not call protected endpoints.
 */
public final class MovableClock extends Clock {

    /** Whole microseconds, as PostgreSQL stores instants, so what a test computes equals what it reads back. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MICROS));

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("A movable clock stays in UTC");
    }

    /** Replaces the application's clock with a movable one. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class InContext {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
