package dev.kaimono.gateway.grpc;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gRPC APIs the gateway converts to are ({@code kaimono.gateway.grpc.*}).
 *
 * @param inventory {@code host:port} of each inventory-service instance's gRPC server
 */
@ConfigurationProperties("kaimono.gateway.grpc")
record GrpcProperties(List<String> inventory) {

    GrpcProperties {
        if (inventory == null || inventory.isEmpty()) {
            throw new IllegalArgumentException("kaimono.gateway.grpc.inventory names no instance (host:port, comma-separated)");
        }
        inventory = List.copyOf(inventory);
    }
}
