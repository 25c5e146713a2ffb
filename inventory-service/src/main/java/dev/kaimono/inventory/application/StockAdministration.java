package dev.kaimono.inventory.application;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.Stock;
import dev.kaimono.inventory.domain.StockItem;

/** Keeping a stock item per product: created for new products, counted and replenished by administrators. */
@Service
public class StockAdministration {

    private final StockItems stockItems;
    private final Announcements announcements;

    StockAdministration(StockItems stockItems, Announcements announcements) {
        this.stockItems = stockItems;
        this.announcements = announcements;
    }

    /** The catalog added a product: it gets an empty stock item, unless an administrator counted it already. */
    @Transactional
    public void registerProduct(ProductId productId) {
        stockItems.addIfMissing(StockItem.emptyFor(productId));
    }

    /**
     * Sets the units on hand to an administrator's count, creating the stock item if inventory has not
     * heard of the product yet.
     *
     * @throws dev.kaimono.inventory.domain.StockBelowReservedException if fewer are counted than are reserved
     */
    @Transactional
    public Availability count(ProductId productId, int onHand) {
        stockItems.addIfMissing(StockItem.emptyFor(productId));
        return change(productId, item -> item.count(onHand));
    }

    /**
     * Adds delivered units to the units on hand.
     *
     * @throws StockItemNotFoundException if inventory keeps no stock for the product
     */
    @Transactional
    public Availability replenish(ProductId productId, int quantity) {
        return change(productId, item -> item.replenish(quantity));
    }

    private Availability change(ProductId productId, Consumer<StockItem> change) {
        Stock stock = stockItems.lock(List.of(productId));
        StockItem item = stock.item(productId).orElseThrow(() -> new StockItemNotFoundException(productId));
        change.accept(item);
        stockItems.update(stock.items());
        announcements.announce(stock.pullEvents());
        return Availability.of(item);
    }
}
