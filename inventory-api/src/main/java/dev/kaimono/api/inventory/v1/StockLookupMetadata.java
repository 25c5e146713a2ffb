package dev.kaimono.api.inventory.v1;

import io.grpc.Metadata;

/**
 * The metadata a {@code StockLookup} call carries besides its message: part of the contract as much as the proto,
 * so the gateway that sends it and inventory-service that reads it take the keys from here.
 */
public final class StockLookupMetadata {

    /** The caller's bearer token ({@code Bearer <jwt>}) as in an HTTP {@code Authorization} header; none: anonymous. */
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /** The gateway's correlation id of the request (its {@code X-Correlation-Id}), for the service's log lines. */
    public static final Metadata.Key<String> CORRELATION_ID =
            Metadata.Key.of("x-correlation-id", Metadata.ASCII_STRING_MARSHALLER);

    private StockLookupMetadata() {
    }
}
