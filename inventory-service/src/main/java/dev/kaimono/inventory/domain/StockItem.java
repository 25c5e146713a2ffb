package dev.kaimono.inventory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.kaimono.inventory.domain.InventoryEvent.StockCounted;
import dev.kaimono.inventory.domain.InventoryEvent.StockDepleted;

/**
 * The stock of one product: units on hand, and how many of them are reserved for orders that are not
 * confirmed yet. Guards that reservations never exceed what is on hand, so availability
 * ({@code onHand - reserved}) is never negative and no order is promised a unit that is not there.
 *
 * <p>Lifecycle: created empty when the catalog announces the product (or when an administrator counts
 * a product inventory has not heard of yet); counted and replenished by administrators; units are
 * reserved and released by {@link Reservation}s, deducted from on hand when an order is confirmed and
 * put back when a confirmed order is cancelled. A stock item is never deleted.
 *
 * <p>Records {@link StockCounted} when an administrator changes the count and {@link StockDepleted}
 * when availability reaches zero from above.
 */
public final class StockItem {

    /** The most units of one product that can be on hand. */
    public static final int MAX_ON_HAND = 1_000_000_000;

    private final ProductId productId;
    private int onHand;
    private int reserved;
    private final List<InventoryEvent> events = new ArrayList<>();

    private StockItem(ProductId productId, int onHand, int reserved) {
        this.productId = Objects.requireNonNull(productId, "A stock item needs a product");
        if (reserved < 0 || reserved > onHand || onHand > MAX_ON_HAND) {
            throw new IllegalArgumentException("A stock item has 0 <= reserved <= on hand <= %d, not %d reserved of %d (product %s)"
                    .formatted(MAX_ON_HAND, reserved, onHand, productId));
        }
        this.onHand = onHand;
        this.reserved = reserved;
    }

    /** A product with nothing on hand yet. */
    public static StockItem emptyFor(ProductId productId) {
        return new StockItem(productId, 0, 0);
    }

    /** A stock item as it was stored. */
    public static StockItem restore(ProductId productId, int onHand, int reserved) {
        return new StockItem(productId, onHand, reserved);
    }

    /**
     * Sets the units on hand to what an administrator counted.
     *
     * @throws StockBelowReservedException if fewer are counted than are reserved for orders
     */
    public void count(int counted) {
        if (counted < 0 || counted > MAX_ON_HAND) {
            throw new IllegalArgumentException("Stock on hand is between 0 and %d, not %d".formatted(MAX_ON_HAND, counted));
        }
        if (counted < reserved) {
            throw new StockBelowReservedException(productId, counted, reserved);
        }
        int availableBefore = available();
        onHand = counted;
        events.add(new StockCounted(productId, onHand, available()));
        noteIfDepleted(availableBefore);
    }

    /** Adds delivered units to those on hand. */
    public void replenish(int quantity) {
        requirePositive(quantity);
        if (quantity > MAX_ON_HAND - onHand) {
            throw new StockLimitExceededException(productId, onHand, quantity);
        }
        onHand += quantity;
        events.add(new StockCounted(productId, onHand, available()));
    }

    /** Holds units for an order; only a {@link Reservation} does this. */
    void reserve(int quantity) {
        requirePositive(quantity);
        if (quantity > available()) {
            throw new InsufficientStockException("Cannot reserve more than is available",
                    List.of(new Shortage(productId, quantity, available())));
        }
        int availableBefore = available();
        reserved += quantity;
        noteIfDepleted(availableBefore);
    }

    /** Makes held units available again. */
    void release(int quantity) {
        requireHeld(quantity);
        reserved -= quantity;
    }

    /** Held units leave the stock: they are the confirmed order's now. */
    void deduct(int quantity) {
        requireHeld(quantity);
        reserved -= quantity;
        onHand -= quantity;
    }

    /** Units a confirmed order had taken come back on hand. */
    void restock(int quantity) {
        requirePositive(quantity);
        onHand = Math.addExact(onHand, quantity);
    }

    public ProductId productId() {
        return productId;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return reserved;
    }

    public int available() {
        return onHand - reserved;
    }

    /** The events recorded since the last call, oldest first. */
    public List<InventoryEvent> pullEvents() {
        List<InventoryEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void noteIfDepleted(int availableBefore) {
        if (availableBefore > 0 && available() == 0) {
            events.add(new StockDepleted(productId));
        }
    }

    private void requireHeld(int quantity) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new IllegalStateException("Product %s holds %d units for orders, not %d".formatted(productId, reserved, quantity));
        }
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("A quantity of stock is positive, not " + quantity);
        }
    }

    @Override
    public String toString() {
        return "StockItem[%s: %d on hand, %d reserved]".formatted(productId, onHand, reserved);
    }
}
