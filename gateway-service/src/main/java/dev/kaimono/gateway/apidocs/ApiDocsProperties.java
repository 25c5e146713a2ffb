package dev.kaimono.gateway.apidocs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The combined API description ({@code kaimono.gateway.api-docs.*}).
 *
 * @param timeout how long a service is given to describe its API; without an answer it is left out this time
 * @param keepFor how long a complete description is kept before the services are asked again
 * @param keepIncompleteFor how long one that misses a service is kept: the services are asked again after it, not
 *        on every request while one of them fails
 */
@ConfigurationProperties("kaimono.gateway.api-docs")
record ApiDocsProperties(@DefaultValue("3s") Duration timeout, @DefaultValue("60s") Duration keepFor,
        @DefaultValue("5s") Duration keepIncompleteFor) {
}
