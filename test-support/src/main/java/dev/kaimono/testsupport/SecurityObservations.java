package dev.kaimono.testsupport;

import org.springframework.security.config.observation.SecurityObservationSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Security observation settings every service runs with (ADR 0030, addendum): none, so Spring Security
 * does not wrap its filters, authentication and authorization in an observation for every request. A test context
 * builds its filter chain without those wrappers either way, so tests check the settings rather than the chain.
 */
public final class SecurityObservations {

    private SecurityObservations() {
    }

    /** @param settings the context's {@link SecurityObservationSettings} bean, or {@code null} when it has none */
    public static void assertNoneObserved(SecurityObservationSettings settings) {
        assertThat(settings).as("a SecurityObservationSettings bean (service-runtime declares one)").isNotNull();
        assertThat(settings.shouldObserveRequests()).as("observe requests").isFalse();
        assertThat(settings.shouldObserveAuthentications()).as("observe authentications").isFalse();
        assertThat(settings.shouldObserveAuthorizations()).as("observe authorizations").isFalse();
    }
}
