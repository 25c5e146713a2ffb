package dev.kaimono.order.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.kaimono.order.application.placing.Catalog;
import dev.kaimono.order.domain.ProductId;

/**
 * The {@link Catalog} order-service prices orders and checks carts with (ADR 0037): its own replica of the catalog's
 * products, kept from catalog's events, and catalog-service itself only for a product the replica does not know
 * yet; what that answers is kept in the replica too. A product catalog-service does not know is asked about again
 * each time. So catalog-service is asked about each product about once, and orders of products the replica holds
 * are taken while it is down.
 */
@Component
class ReplicatedCatalog implements Catalog {

    private final CatalogReplica replica;
    private final CatalogClient catalog;

    ReplicatedCatalog(CatalogReplica replica, CatalogClient catalog) {
        this.replica = replica;
        this.catalog = catalog;
    }

    @Override
    public Map<ProductId, CatalogProduct> products(Collection<ProductId> ids) {
        Set<ProductId> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<ProductId, CatalogProduct> known = replica.known(wanted);
        if (known.size() == wanted.size()) {
            return known;
        }
        Set<ProductId> unknown = new LinkedHashSet<>(wanted);
        unknown.removeAll(known.keySet());
        Map<ProductId, CatalogProduct> found = new LinkedHashMap<>(known);
        catalog.described(unknown).forEach((id, described) -> {
            replica.describe(described.product(), described.version());
            found.put(id, described.product());
        });
        return found;
    }
}
