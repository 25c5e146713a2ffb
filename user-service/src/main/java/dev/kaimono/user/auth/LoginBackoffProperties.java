package dev.kaimono.user.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * When repeated failed logins for one email lock it ({@code kaimono.security.login-backoff.*}).
 *
 * @param freeAttempts    logins an email may fail in a row before the lockout starts
 * @param firstLockout    lockout after the last free attempt fails; it doubles with each further failure
 * @param maxLockout      the longest lockout
 * @param forgetAfter     an email without attempts for this long starts afresh, and its row is deleted
 * @param cleanupInterval how often rows quiet for {@code forgetAfter} are deleted
 */
@ConfigurationProperties("kaimono.security.login-backoff")
record LoginBackoffProperties(
        @DefaultValue("5") int freeAttempts,
        @DefaultValue("1s") Duration firstLockout,
        @DefaultValue("15m") Duration maxLockout,
        @DefaultValue("24h") Duration forgetAfter,
        @DefaultValue("1h") Duration cleanupInterval) {

    LoginBackoffProperties {
        Assert.isTrue(freeAttempts > 0, "free-attempts must be positive");
        Assert.isTrue(firstLockout != null && firstLockout.isPositive(), "first-lockout must be positive");
        Assert.isTrue(maxLockout != null && maxLockout.compareTo(firstLockout) >= 0,
                "max-lockout must be at least first-lockout");
        Assert.isTrue(forgetAfter != null && forgetAfter.compareTo(maxLockout) > 0,
                "forget-after must be longer than max-lockout");
        Assert.isTrue(cleanupInterval != null && cleanupInterval.isPositive(), "cleanup-interval must be positive");
    }
}
