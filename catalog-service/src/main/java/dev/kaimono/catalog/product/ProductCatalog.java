package dev.kaimono.catalog.product;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * The catalog's use cases: administrators add, update and discontinue products; shoppers and other
 * services read and search them. Every change is stored with its integration events in one write. Shoppers' reads
 * go through the {@link ProductReadCache}; the batch lookup (an order's prices) and the reads a change is based on
 * go to the store.
 */
@Service
public class ProductCatalog {

    /** How often discontinuing retries when another change lands between its read and its write. */
    private static final int DISCONTINUE_ATTEMPTS = 5;
    /** How often a rating is counted again when other recounts keep landing first. */
    private static final int RECOUNT_ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(ProductCatalog.class);

    private final Products products;
    private final ProductReadCache cache;
    private final Clock clock;

    ProductCatalog(Products products, ProductReadCache cache, Clock clock) {
        this.products = products;
        this.cache = cache;
        this.clock = clock;
    }

    public Product add(ProductContent content) {
        Product product = Product.add(UUID.randomUUID(), content, now());
        try {
            products.add(product);
        } finally {
            cache.changed();
        }
        return product;
    }

    /**
     * Replaces a product's content, if {@code expectedVersion} is still its version.
     *
     * @throws StaleProductVersionException if it is not, before or during the write
     */
    public Product update(UUID id, long expectedVersion, ProductContent content) {
        Product current = stored(id);
        Product updated = current.update(expectedVersion, content, now());
        if (updated.hasChanges()) {
            store(updated, current.version());
        }
        return updated;
    }

    /** Stops selling a product; discontinuing it again changes nothing. */
    public Product discontinue(UUID id) {
        for (int attempt = 1; ; attempt++) {
            Product current = stored(id);
            Product discontinued = current.discontinue(now());
            if (!discontinued.hasChanges()) {
                return discontinued;
            }
            try {
                store(discontinued, current.version());
                return discontinued;
            } catch (StaleProductVersionException concurrentChange) {
                if (attempt == DISCONTINUE_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }

    /**
     * Counts a product's rating again from its shown reviews, after one of them changed. Two recounts at once cannot
     * leave the older count behind: a recount stores its figure only if no other was stored since it began, and
     * otherwise counts again.
     */
    public void recountRating(UUID productId, Supplier<Rating.Tally> tally) {
        try {
            for (int attempt = 1; attempt <= RECOUNT_ATTEMPTS; attempt++) {
                Optional<Product> current = products.byId(productId);
                if (current.isEmpty() || products.rate(productId, current.get().rating().revision(), tally.get())) {
                    return;
                }
            }
            log.warn("Gave up recounting the rating of product {} after {} concurrent recounts; the next review change"
                    + " recounts it", productId, RECOUNT_ATTEMPTS);
        } finally {
            cache.changed();
        }
    }

    /** A product as shoppers see it: at most the read cache's time to live old. */
    public Product product(UUID id) {
        return cache.product(id, products::byId).orElseThrow(() -> new ProductNotFoundException(id.toString()));
    }

    /** The products among {@code ids} that exist, in the order asked for, each once. */
    public List<Product> products(List<UUID> ids) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<UUID, Product> found = products.byIds(distinct).stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        return distinct.stream().filter(found::containsKey).map(found::get).toList();
    }

    public Page<Product> search(ProductQuery query) {
        return cache.search(query, products::search);
    }

    public List<CategoryCount> categories() {
        return cache.categories(products::categories);
    }

    private Product stored(UUID id) {
        return products.byId(id).orElseThrow(() -> new ProductNotFoundException(id.toString()));
    }

    private void store(Product changed, long storedVersion) {
        try {
            products.update(changed, storedVersion);
        } finally {
            cache.changed();
        }
    }

    private Instant now() {
        // MongoDB stores milliseconds: what is returned is what a later read returns.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
