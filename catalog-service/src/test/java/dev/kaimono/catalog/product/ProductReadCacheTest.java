package dev.kaimono.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ProductReadCacheTest {

    private static final Duration TTL = Duration.ofSeconds(10);

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger storeReads = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProductReadCache cache = cache(TTL);
    private final Product matcha = Product.add(UUID.randomUUID(), ProductContents.matchaLatte(), Instant.EPOCH);

    @Test
    void aProductIsReadFromTheStoreOnceWithinTheTimeToLiveAndAgainAfterIt() {
        assertThat(cache.product(matcha.id(), this::store)).contains(matcha);
        nanos.addAndGet(TTL.minusMillis(1).toNanos());
        assertThat(cache.product(matcha.id(), this::store)).contains(matcha);
        assertThat(storeReads).hasValue(1);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.product(matcha.id(), this::store)).contains(matcha);
        assertThat(storeReads).hasValue(2);
        assertThat(meters.get("cache.gets").tag("cache", "catalog.products").tag("result", "hit").functionCounter()
                .count()).isEqualTo(1);
    }

    @Test
    void aChangeMakesTheNextReadOfEveryKindGoToTheStore() {
        ProductQuery tea = new ProductQuery("tea", null, ProductSort.parse("name").orElseThrow(), 0, 20);
        cache.product(matcha.id(), this::store);
        cache.search(tea, this::search);
        cache.categories(this::categories);

        cache.changed();
        cache.product(matcha.id(), this::store);
        cache.search(tea, this::search);
        cache.categories(this::categories);

        assertThat(storeReads).hasValue(6);
    }

    @Test
    void aReadOverlappingAChangeDoesNotKeepWhatItRead() {
        cache.product(matcha.id(), id -> {
            Optional<Product> readBeforeTheChange = store(id);
            cache.changed();
            return readBeforeTheChange;
        });

        cache.product(matcha.id(), this::store);

        assertThat(storeReads).hasValue(2);
    }

    @Test
    void aProductThatDoesNotExistIsAskedForEveryTime() {
        UUID unknown = UUID.randomUUID();

        assertThat(cache.product(unknown, this::store)).isEmpty();
        assertThat(cache.product(unknown, this::store)).isEmpty();

        assertThat(storeReads).hasValue(2);
    }

    @Test
    void aTimeToLiveOfZeroTurnsTheCacheOff() {
        ProductReadCache off = cache(Duration.ZERO);

        off.product(matcha.id(), this::store);
        off.product(matcha.id(), this::store);

        assertThat(storeReads).hasValue(2);
    }

    private ProductReadCache cache(Duration ttl) {
        return new ProductReadCache(new ProductReadCache.Settings(ttl, 100, 100), nanos::get, meters);
    }

    private Optional<Product> store(UUID id) {
        storeReads.incrementAndGet();
        return id.equals(matcha.id()) ? Optional.of(matcha) : Optional.empty();
    }

    private Page<Product> search(ProductQuery query) {
        storeReads.incrementAndGet();
        return new PageImpl<>(List.of(matcha));
    }

    private List<CategoryCount> categories() {
        storeReads.incrementAndGet();
        return List.of(new CategoryCount("Tea", 1));
    }
}
