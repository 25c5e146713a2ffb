package dev.kaimono.user.auth;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.runtime.PeriodicWorker;

/** The worker that deletes refresh tokens a day after they expired: every login and refresh adds a row. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RefreshTokenRetentionProperties.class)
class RefreshTokenRetentionConfiguration {

    @Bean
    PeriodicWorker refreshTokenRetention(TokenService tokens, RefreshTokenRetentionProperties retention, Clock clock) {
        return PeriodicWorker.named("refresh-token-retention").every(retention.cleanupInterval())
                .againWhenFull(retention.batchSize())
                .task(() -> tokens.forgetExpiredBefore(clock.instant().minus(retention.keepExpiredFor()), retention.batchSize()));
    }
}
