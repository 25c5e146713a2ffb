package dev.kaimono.catalog.product;

import java.util.UUID;

/** A change based on a version of the product that is no longer the current one (answered 409). */
public class StaleProductVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleProductVersionException(UUID productId, long expectedVersion, long currentVersion) {
        super("Product %s is at version %d, not %d: reload it and apply the change again"
                .formatted(productId, currentVersion, expectedVersion));
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
