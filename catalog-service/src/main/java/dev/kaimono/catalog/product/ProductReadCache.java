package dev.kaimono.catalog.product;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.data.domain.Page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * What shoppers read most — a product page, a page of search results, the category counts — kept in memory for
 * a short time ({@code kaimono.catalog.read-cache.ttl}, 10 s by default; 0 turns it off), so that a busy shop's
 * reads do not each cost a round trip to the store and the mapping back.
 *
 * <p>Every change this instance makes empties it once the write is done, so this instance reads its own writes at
 * once; another instance may show the previous content for up to the time to live. Only shoppers' reads use it:
 * the batch lookup that prices an order and the reads that administrators' changes are based on go to the store.
 * A read that began before a change and ends after it does not keep what it read: it compares the count of changes
 * before and after, and takes back what it stored when a change came in between.
 */
final class ProductReadCache {

    private static final Object CATEGORIES = new Object();

    private final boolean enabled;
    private final Cache<UUID, Product> products;
    private final Cache<ProductQuery, Page<Product>> searches;
    private final Cache<Object, List<CategoryCount>> categories;
    private final AtomicLong changes = new AtomicLong();

    ProductReadCache(Settings settings, Ticker ticker, MeterRegistry meters) {
        this.enabled = settings.ttl().isPositive();
        this.products = build(settings.ttl(), settings.maxProducts(), ticker);
        this.searches = build(settings.ttl(), settings.maxSearches(), ticker);
        this.categories = build(settings.ttl(), 1, ticker);
        CaffeineCacheMetrics.monitor(meters, products, "catalog.products");
        CaffeineCacheMetrics.monitor(meters, searches, "catalog.searches");
        CaffeineCacheMetrics.monitor(meters, categories, "catalog.categories");
    }

    /** How long an entry is kept, and how many of each kind at most. */
    record Settings(Duration ttl, long maxProducts, long maxSearches) {
    }

    /** A product, from memory if read in the last time to live; a product that does not exist is not kept. */
    Optional<Product> product(UUID id, Function<UUID, Optional<Product>> store) {
        return Optional.ofNullable(read(products, id, key -> store.apply(key).orElse(null)));
    }

    Page<Product> search(ProductQuery query, Function<ProductQuery, Page<Product>> store) {
        return read(searches, query, store);
    }

    List<CategoryCount> categories(Supplier<List<CategoryCount>> store) {
        return read(categories, CATEGORIES, key -> store.get());
    }

    /** Forgets everything: called after every change, whether or not the write succeeded. */
    void changed() {
        changes.incrementAndGet();
        products.invalidateAll();
        searches.invalidateAll();
        categories.invalidateAll();
    }

    private <K, V> V read(Cache<K, V> cache, K key, Function<K, V> store) {
        if (!enabled) {
            return store.apply(key);
        }
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long before = changes.get();
        V loaded = store.apply(key);
        if (loaded != null) {
            cache.put(key, loaded);
            // A change between reading and storing: what was read may be older than the change, so not kept.
            if (changes.get() != before) {
                cache.asMap().remove(key, loaded);
            }
        }
        return loaded;
    }

    private static <K, V> Cache<K, V> build(Duration ttl, long maxSize, Ticker ticker) {
        return Caffeine.newBuilder()
                .expireAfterWrite(ttl.isPositive() ? ttl : Duration.ofNanos(1))
                .maximumSize(maxSize)
                .ticker(ticker)
                .recordStats()
                .build();
    }
}
