package dev.kaimono.user.auth;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.runtime.PeriodicWorker;

/** The login backoff's settings, and the worker that deletes the attempts of emails gone quiet. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginBackoffProperties.class)
class LoginBackoffConfiguration {

    @Bean
    PeriodicWorker loginAttemptsRetention(LoginThrottle throttle, LoginBackoffProperties backoff, Clock clock) {
        return PeriodicWorker.named("login-attempts-retention").every(backoff.cleanupInterval())
                .task(() -> throttle.forgetQuietSince(clock.instant().minus(backoff.forgetAfter())));
    }
}
