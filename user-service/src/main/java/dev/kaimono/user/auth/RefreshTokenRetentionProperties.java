package dev.kaimono.user.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How long expired refresh tokens are kept ({@code kaimono.security.refresh-token-retention.*}). An expired token is
 * refused on every path, so keeping it a while only serves whoever investigates a session afterwards.
 *
 * @param keepExpiredFor  how long after its expiry a token is deleted
 * @param cleanupInterval how often expired tokens are deleted
 * @param batchSize       tokens deleted per transaction; a full batch is followed by the next at once
 */
@ConfigurationProperties("kaimono.security.refresh-token-retention")
record RefreshTokenRetentionProperties(
        @DefaultValue("1d") Duration keepExpiredFor,
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("1000") int batchSize) {

    RefreshTokenRetentionProperties {
        Assert.isTrue(keepExpiredFor != null && !keepExpiredFor.isNegative(), "keep-expired-for must not be negative");
        Assert.isTrue(cleanupInterval != null && cleanupInterval.isPositive(), "cleanup-interval must be positive");
        Assert.isTrue(batchSize > 0, "batch-size must be positive");
    }
}
