package dev.kaimono.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A product of the catalog, the aggregate every catalog change goes through. It guards that a product
 * always has valid content (see {@link ProductContent}), that its version grows by one with every
 * change, and that a discontinued product is never changed again.
 *
 * <p>Lifecycle: {@link #add added} as {@link ProductStatus#ACTIVE} at version 1, {@link #update updated}
 * any number of times against the version the administrator last saw, {@link #discontinue discontinued}
 * once. Each change returns the product as it is afterwards, carrying the {@link #recordedEvents() events}
 * that change caused; a change that changes nothing records none.
 */
public final class Product {

    private final UUID id;
    private final ProductContent content;
    private final ProductStatus status;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Rating rating;
    private final List<ProductEvent> recordedEvents;

    private Product(UUID id, ProductContent content, ProductStatus status, long version, Instant createdAt,
            Instant updatedAt, Rating rating, List<ProductEvent> recordedEvents) {
        this.id = Objects.requireNonNull(id, "id");
        this.content = Objects.requireNonNull(content, "content");
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.rating = Objects.requireNonNull(rating, "rating");
        if (version < 1) {
            throw new IllegalArgumentException("Versions start at 1: " + version);
        }
        this.version = version;
        this.recordedEvents = List.copyOf(recordedEvents);
    }

    /** Lists a new product. */
    public static Product add(UUID id, ProductContent content, Instant now) {
        return new Product(id, content, ProductStatus.ACTIVE, 1, now, now, Rating.NONE, List.of(new ProductEvent.Added(id, content.sku(),
                content.name(), content.price(), content.categories())));
    }

    /** A product as it was stored: no events. */
    static Product restore(UUID id, ProductContent content, ProductStatus status, long version, Instant createdAt,
            Instant updatedAt, Rating rating) {
        return new Product(id, content, status, version, createdAt, updatedAt, rating, List.of());
    }

    /**
     * Replaces the product's content, if the administrator saw the current version.
     *
     * @throws StaleProductVersionException if {@code expectedVersion} is not the current version
     * @throws DiscontinuedProductException if the product is discontinued
     */
    public Product update(long expectedVersion, ProductContent newContent, Instant now) {
        if (expectedVersion != version) {
            throw new StaleProductVersionException(id, expectedVersion, version);
        }
        if (status == ProductStatus.DISCONTINUED) {
            throw new DiscontinuedProductException(id);
        }
        if (newContent.equals(content)) {
            return unchanged();
        }
        long next = version + 1;
        return new Product(id, newContent, status, next, createdAt, now, rating, List.of(new ProductEvent.Updated(id,
                newContent.sku(), newContent.name(), newContent.price(), newContent.categories(), next)));
    }

    /** Stops selling the product. Discontinuing a discontinued product changes nothing. */
    public Product discontinue(Instant now) {
        if (status == ProductStatus.DISCONTINUED) {
            return unchanged();
        }
        return new Product(id, content, ProductStatus.DISCONTINUED, version + 1, createdAt, now, rating,
                List.of(new ProductEvent.Discontinued(id, content.sku())));
    }

    private Product unchanged() {
        return recordedEvents.isEmpty() ? this : new Product(id, content, status, version, createdAt, updatedAt, rating, List.of());
    }

    public UUID id() {
        return id;
    }

    public ProductContent content() {
        return content;
    }

    public ProductStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** What shoppers' reviews make of it; not part of what administrators change, so it leaves the version alone. */
    public Rating rating() {
        return rating;
    }

    /** The events of the change that produced this instance; empty for a stored product or a no-op. */
    public List<ProductEvent> recordedEvents() {
        return recordedEvents;
    }

    /** Whether this instance holds a change that must be stored. */
    public boolean hasChanges() {
        return !recordedEvents.isEmpty();
    }
}
