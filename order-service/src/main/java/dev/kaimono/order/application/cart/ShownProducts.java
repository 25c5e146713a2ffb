package dev.kaimono.order.application.cart;

import java.util.Collection;
import java.util.Map;

import dev.kaimono.order.application.placing.Catalog.CatalogProduct;
import dev.kaimono.order.domain.ProductId;

/**
 * The catalog's names and prices as a cart shows them: possibly a few seconds old, never an error. Nothing is
 * charged from them — an order is priced from the catalog itself when it is placed.
 */
public interface ShownProducts {

    /**
     * What is known of the products among {@code ids}; a product the catalog does not know, or that cannot be
     * learned right now because the catalog is unavailable, is absent from the result.
     */
    Map<ProductId, CatalogProduct> products(Collection<ProductId> ids);

    /** Remembers what the catalog just said of a product, so that the cart shows it at once. */
    void seen(CatalogProduct product);
}
