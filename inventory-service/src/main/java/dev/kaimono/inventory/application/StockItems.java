package dev.kaimono.inventory.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.Stock;
import dev.kaimono.inventory.domain.StockItem;

/**
 * Where stock items are kept. The {@code lock} methods hold the items until the surrounding transaction
 * ends, so no other transaction changes them in between; several items are always locked in product-id
 * order, so two transactions never wait for each other in a circle.
 */
public interface StockItems {

    Optional<StockItem> find(ProductId productId);

    /** The items of those products that have one, by product id. */
    List<StockItem> findAll(Collection<ProductId> productIds);

    /** Locks the items of those products that have one. */
    Stock lock(Collection<ProductId> productIds);

    /**
     * Stores the item unless its product already has one.
     *
     * @return whether it was stored
     */
    boolean addIfMissing(StockItem item);

    /** Stores the quantities of items that were locked and changed. */
    void update(Collection<StockItem> items);
}
