package dev.kaimono.inventory.grpc;

import java.util.List;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import dev.kaimono.inventory.application.AvailabilityQueries;
import dev.kaimono.runtime.PeriodicWorker;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcServerInterceptor;
import io.micrometer.observation.ObservationRegistry;

/**
 * The gRPC server and what each call passes through: the observation (metrics {@code grpc.server} and the
 * trace continued from the caller's), then the caller's identity; beside it, the standard health service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrpcServerProperties.class)
class GrpcConfiguration {

    /** The actuator's readiness group (its members: {@code management.endpoint.health.group.readiness.include}). */
    static final String READINESS_GROUP = "readiness";

    @Bean
    GrpcServer grpcServer(GrpcServerProperties properties, AvailabilityQueries availability, JwtDecoder tokens,
            ObservationRegistry observations, GrpcHealth health, ConfigurableEnvironment environment) {
        // ServerInterceptors.intercept runs the last interceptor of the list first.
        return new GrpcServer(properties, new StockLookupEndpoint(availability),
                List.of(new Callers(tokens), new ObservationGrpcServerInterceptor(observations)), health, environment);
    }

    /** The health service follows the readiness group: checked every {@code kaimono.grpc.health-interval}. */
    @Bean
    GrpcHealth grpcHealth(HealthEndpoint health) {
        return new GrpcHealth(() -> {
            HealthDescriptor readiness = health.healthForPath(READINESS_GROUP);
            return readiness != null ? readiness.getStatus() : Status.UNKNOWN;
        });
    }

    @Bean
    PeriodicWorker grpcHealthRefresh(GrpcHealth health, GrpcServerProperties properties) {
        return PeriodicWorker.named("grpc-health").every(properties.healthInterval()).task(health::refresh);
    }

    /** ... and at once when the readiness state changes (as when the service starts or begins to shut down). */
    @Bean
    ApplicationListener<AvailabilityChangeEvent<ReadinessState>> grpcHealthOnReadinessChange(GrpcHealth health) {
        return event -> health.refresh();
    }
}
