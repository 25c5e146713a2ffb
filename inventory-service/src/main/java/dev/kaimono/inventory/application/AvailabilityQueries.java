package dev.kaimono.inventory.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.StockItem;

/** What shoppers and the gateway may know about stock: availability per product. */
@Service
@Transactional(readOnly = true)
public class AvailabilityQueries {

    private final StockItems stockItems;

    AvailabilityQueries(StockItems stockItems) {
        this.stockItems = stockItems;
    }

    /** @throws StockItemNotFoundException if inventory keeps no stock for the product */
    public Availability of(ProductId productId) {
        return stockItems.find(productId).map(Availability::of).orElseThrow(() -> new StockItemNotFoundException(productId));
    }

    /** The availability of those products inventory keeps stock for, in the order asked; others are left out. */
    public List<Availability> of(Collection<ProductId> productIds) {
        Map<ProductId, Availability> byProduct = stockItems.findAll(productIds).stream()
                .collect(Collectors.toMap(StockItem::productId, Availability::of));
        return productIds.stream().distinct().filter(byProduct::containsKey).map(byProduct::get).toList();
    }
}
