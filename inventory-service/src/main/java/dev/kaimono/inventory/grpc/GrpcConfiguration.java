package dev.kaimono.inventory.grpc;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import dev.kaimono.inventory.application.AvailabilityQueries;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcServerInterceptor;
import io.micrometer.observation.ObservationRegistry;

/**
 * The gRPC server and what each call passes through: the observation (metrics {@code grpc.server} and the
 * trace continued from the caller's), then the caller's identity.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrpcServerProperties.class)
class GrpcConfiguration {

    @Bean
    GrpcServer grpcServer(GrpcServerProperties properties, AvailabilityQueries availability, JwtDecoder tokens,
            ObservationRegistry observations, ConfigurableEnvironment environment) {
        // ServerInterceptors.intercept runs the last interceptor of the list first.
        return new GrpcServer(properties, new StockLookupEndpoint(availability),
                List.of(new Callers(tokens), new ObservationGrpcServerInterceptor(observations)), environment);
    }
}
