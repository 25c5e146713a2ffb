package dev.kaimono.order.application.placing;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.ProductId;

/** catalog-service, as order-service needs it: current names, prices and status of products. */
public interface Catalog {

    /**
     * The products the catalog knows among {@code ids}; unknown ids are absent from the result.
     *
     * @throws CatalogUnavailableException if the catalog cannot be asked right now
     */
    Map<ProductId, CatalogProduct> products(Collection<ProductId> ids);

    /** A product as the catalog describes it now. */
    record CatalogProduct(ProductId id, String name, Money price, boolean orderable) {

        public CatalogProduct {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(price, "price");
        }
    }
}
