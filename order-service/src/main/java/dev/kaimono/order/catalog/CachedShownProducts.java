package dev.kaimono.order.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.kaimono.order.application.cart.ShownProducts;
import dev.kaimono.order.application.placing.Catalog;
import dev.kaimono.order.application.placing.Catalog.CatalogProduct;
import dev.kaimono.order.application.placing.CatalogUnavailableException;
import dev.kaimono.order.domain.ProductId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * {@link ShownProducts} kept for {@code kaimono.order.catalog.shown-for} (10 s; 0 keeps nothing) after the
 * {@link Catalog} said them (order-service's replica, else catalog-service; ADR 0037): a cart of twenty lines costs no
 * query while its products were shown a moment ago. Products the catalog does not know are not remembered. Hits and
 * misses:
 * {@code cache_gets_total{cache="order.shown-products"}}.
 */
@Component
class CachedShownProducts implements ShownProducts {

    private final Catalog catalog;
    private final Cache<ProductId, CatalogProduct> shown;

    CachedShownProducts(Catalog catalog, CatalogProperties properties, MeterRegistry meters) {
        this.catalog = catalog;
        this.shown = Caffeine.newBuilder()
                .expireAfterWrite(properties.shownFor())
                .maximumSize(properties.shownMax())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, shown, "order.shown-products");
    }

    @Override
    public Map<ProductId, CatalogProduct> products(Collection<ProductId> ids) {
        Map<ProductId, CatalogProduct> found = new HashMap<>(shown.getAllPresent(ids));
        List<ProductId> missing = ids.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            try {
                Map<ProductId, CatalogProduct> answered = catalog.products(missing);
                shown.putAll(answered);
                found.putAll(answered);
            } catch (CatalogUnavailableException unavailable) {
                // Shown without names and prices until the catalog answers again.
            }
        }
        return found;
    }

    @Override
    public void seen(CatalogProduct product) {
        shown.put(product.id(), product);
    }
}
