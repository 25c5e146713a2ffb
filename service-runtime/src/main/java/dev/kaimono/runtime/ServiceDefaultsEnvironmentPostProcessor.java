package dev.kaimono.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the operational defaults every service shares ({@code kaimono/service-defaults.properties}:
 * actuator on the management port, probes, JSON logs, graceful shutdown, virtual threads) with the
 * lowest precedence, so a service's own {@code application.yml}, the environment and the command
 * line all override them. See docs/adr/0002.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "kaimono/service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("kaimonoServiceDefaults",
                    new ClassPathResource(RESOURCE, ServiceDefaultsEnvironmentPostProcessor.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
