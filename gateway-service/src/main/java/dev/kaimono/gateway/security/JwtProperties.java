package dev.kaimono.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * What a valid access token looks like ({@code kaimono.security.jwt.*}), per user-service's token contract.
 *
 * @param issuer               the required {@code iss}
 * @param audience             the value {@code aud} must contain
 * @param jwkSetUri            where user-service publishes its signing keys
 * @param clockSkew            tolerance on {@code exp} and {@code nbf}
 * @param jwkSetMaxAge         how long fetched keys are trusted before they are fetched again, so a
 *                             withdrawn key stops being accepted
 * @param jwkSetRefreshInterval the least time between two fetches, however many unknown {@code kid}s arrive
 * @param jwkSetFetchTimeout   how long one fetch of the key set may take
 */
@ConfigurationProperties("kaimono.security.jwt")
record JwtProperties(String issuer, String audience, URI jwkSetUri, Duration clockSkew, Duration jwkSetMaxAge,
        Duration jwkSetRefreshInterval, Duration jwkSetFetchTimeout) {

    JwtProperties {
        Assert.hasText(issuer, "kaimono.security.jwt.issuer is required");
        Assert.hasText(audience, "kaimono.security.jwt.audience is required");
        Assert.notNull(jwkSetUri, "kaimono.security.jwt.jwk-set-uri is required");
        Assert.isTrue(clockSkew != null && !clockSkew.isNegative(), "clock-skew must not be negative");
        Assert.isTrue(jwkSetMaxAge != null && jwkSetMaxAge.isPositive(), "jwk-set-max-age must be positive");
        Assert.isTrue(jwkSetRefreshInterval != null && !jwkSetRefreshInterval.isNegative(),
                "jwk-set-refresh-interval must not be negative");
        Assert.isTrue(jwkSetFetchTimeout != null && jwkSetFetchTimeout.isPositive(),
                "jwk-set-fetch-timeout must be positive");
    }
}
