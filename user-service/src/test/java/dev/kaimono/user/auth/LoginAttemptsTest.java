package dev.kaimono.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final LoginBackoffProperties BACKOFF = new LoginBackoffProperties(5, Duration.ofSeconds(1),
            Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofHours(1));

    @Test
    void theFifthAttemptLocksForASecondAndEachFurtherOneForTwiceAsLongUpToFifteenMinutes() {
        LoginAttempts attempts = new LoginAttempts(0, NOW, null);
        Instant now = NOW;
        List<Duration> lockouts = new ArrayList<>();
        for (int attempt = 1; attempt <= 17; attempt++) {
            assertThat(attempts.lockedFor(now)).isZero();
            attempts = attempts.attempt(now, BACKOFF);
            lockouts.add(attempts.lockedFor(now));
            now = now.plus(attempts.lockedFor(now));
        }

        assertThat(lockouts).extracting(Duration::toSeconds)
                .containsExactly(0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L, 900L);
    }

    @Test
    void aLockedEmailSaysHowLongItStaysLocked() {
        LoginAttempts locked = new LoginAttempts(6, NOW, NOW.plusSeconds(2));

        assertThat(locked.lockedFor(NOW.plusMillis(500))).isEqualTo(Duration.ofMillis(1500));
        assertThat(locked.lockedFor(NOW.plusSeconds(2))).isZero();
    }

    @Test
    void attemptsAreForgottenAfterADayWithoutAny() {
        LoginAttempts many = new LoginAttempts(12, NOW, NOW.plusSeconds(128));

        assertThat(many.attempt(NOW.plus(Duration.ofHours(24)), BACKOFF).count()).isEqualTo(13);
        assertThat(many.attempt(NOW.plus(Duration.ofHours(24)).plusSeconds(1), BACKOFF))
                .isEqualTo(new LoginAttempts(1, NOW.plus(Duration.ofHours(24)).plusSeconds(1), null));
    }

    @Test
    void aVeryLongRunOfFailuresStaysAtTheCap() {
        LoginAttempts attempts = new LoginAttempts(Integer.MAX_VALUE - 1, NOW, null);

        assertThat(attempts.attempt(NOW, BACKOFF).lockedFor(NOW)).isEqualTo(Duration.ofMinutes(15));
    }
}
