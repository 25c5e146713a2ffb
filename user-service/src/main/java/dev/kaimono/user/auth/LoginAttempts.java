package dev.kaimono.user.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * The logins tried for one email since its last successful one. Guards the backoff: the attempt that
 * reaches {@code freeAttempts} locks the email for {@code firstLockout}, each further one for twice as
 * long as the one before, up to {@code maxLockout}; a locked email admits no attempt at all. An attempt
 * counts before its password is checked, so concurrent guesses cannot slip past the lock; a successful
 * login forgets the count (the row is deleted), and so does a quiet {@code forgetAfter}.
 *
 * @param count         attempts since the last success, this one included
 * @param lastAttemptAt when the latest attempt was made
 * @param lockedUntil   no attempt before this instant; {@code null} when not locked
 */
record LoginAttempts(int count, Instant lastAttemptAt, Instant lockedUntil) {

    /** The longest lockout doubling can reach before the cap; also keeps the shift below overflow. */
    private static final int MAX_DOUBLINGS = 30;

    /** How long until an attempt is admitted: zero when it is admitted now. */
    Duration lockedFor(Instant now) {
        return lockedUntil == null || !lockedUntil.isAfter(now) ? Duration.ZERO : Duration.between(now, lockedUntil);
    }

    /** The state after admitting an attempt at {@code now}; only valid when {@link #lockedFor} is zero. */
    LoginAttempts attempt(Instant now, LoginBackoffProperties backoff) {
        boolean forgotten = lastAttemptAt.plus(backoff.forgetAfter()).isBefore(now);
        int attempts = forgotten ? 1 : count + 1;
        if (attempts < backoff.freeAttempts()) {
            return new LoginAttempts(attempts, now, null);
        }
        int doublings = Math.min(attempts - backoff.freeAttempts(), MAX_DOUBLINGS);
        Duration lockout = backoff.firstLockout().multipliedBy(1L << doublings);
        return new LoginAttempts(attempts, now, now.plus(lockout.compareTo(backoff.maxLockout()) > 0 ? backoff.maxLockout() : lockout));
    }
}
