package dev.kaimono.runtime.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Spring Security observations in any service, servlet or reactive (ADR 0030 and its addendum): without this bean
 * Spring Security wraps every filter of its chain, and the authentication and authorization managers, in observation
 * decorators for every request, even when {@code management.observations.enable.spring.security=false} turns the
 * observations themselves into no-ops. They would only repeat the request's own timer and span.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
public class SecurityObservationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
