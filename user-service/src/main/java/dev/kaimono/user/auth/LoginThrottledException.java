package dev.kaimono.user.auth;

import java.time.Duration;

/**
 * Login refused without checking the password: too many failed logins for this email (answered 429 with
 * {@code Retry-After}). Said alike whether or not an account has the email.
 */
public class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins for this email: try again in " + seconds(retryAfter)
                + (seconds(retryAfter) == 1 ? " second" : " seconds"));
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, rounded up: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, duration.plusNanos(999_999_999).toSeconds());
    }
}
