package dev.kaimono.inventory.grpc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where inventory serves gRPC ({@code kaimono.grpc.*}).
 *
 * @param port            the port; 0 picks a free one (tests). {@code ./platform} gives the HTTP port - 1000
 * @param address         the address to bind, empty for every interface (as {@code server.address})
 * @param shutdownGrace   how long calls under way may finish when the service stops
 * @param maxMessageBytes the largest request accepted (a batch of 100 ids is ~4 KiB)
 * @param maxConnectionAge how long a client's connection lives before the client is asked to open another
 * @param healthInterval   how often the health service takes the readiness group's status again
 */
@ConfigurationProperties("kaimono.grpc")
record GrpcServerProperties(
        @DefaultValue("7084") int port,
        @DefaultValue("") String address,
        @DefaultValue("10s") Duration shutdownGrace,
        @DefaultValue("65536") int maxMessageBytes,
        @DefaultValue("5m") Duration maxConnectionAge,
        @DefaultValue("5s") Duration healthInterval) {
}
