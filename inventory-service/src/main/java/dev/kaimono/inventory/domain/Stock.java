package dev.kaimono.inventory.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stock items of the products one operation touches (e.g. every product of an order), loaded
 * together; a product inventory has no item for has nothing available.
 */
public final class Stock {

    private final Map<ProductId, StockItem> items = new TreeMap<>();

    private Stock(Collection<StockItem> items) {
        items.forEach(item -> {
            if (this.items.putIfAbsent(item.productId(), item) != null) {
                throw new IllegalArgumentException("Two stock items for product " + item.productId());
            }
        });
    }

    public static Stock of(Collection<StockItem> items) {
        return new Stock(items);
    }

    public Optional<StockItem> item(ProductId productId) {
        return Optional.ofNullable(items.get(productId));
    }

    /** Units of the product that can still be reserved; zero for a product without stock item. */
    public int available(ProductId productId) {
        return item(productId).map(StockItem::available).orElse(0);
    }

    /** The lines that cannot be covered by what is available now. */
    public List<Shortage> shortagesFor(List<ReservationLine> lines) {
        return lines.stream()
                .filter(line -> line.quantity() > available(line.productId()))
                .map(line -> new Shortage(line.productId(), line.quantity(), available(line.productId())))
                .toList();
    }

    /** Every item, by product id. */
    public Collection<StockItem> items() {
        return List.copyOf(items.values());
    }

    /** The events every item recorded since the last call. */
    public List<InventoryEvent> pullEvents() {
        List<InventoryEvent> events = new ArrayList<>();
        items.values().forEach(item -> events.addAll(item.pullEvents()));
        return events;
    }

    StockItem itemFor(ReservationLine line) {
        StockItem item = items.get(line.productId());
        if (item == null) {
            throw new IllegalStateException("No stock item for product %s was loaded".formatted(line.productId()));
        }
        return item;
    }
}
