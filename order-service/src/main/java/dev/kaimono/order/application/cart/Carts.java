package dev.kaimono.order.application.cart;

import java.util.Collection;
import java.util.List;

import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.ProductId;

/** Shoppers' carts: one per shopper, a quantity per product. */
public interface Carts {

    List<CartLine> lines(CustomerId customer);

    /** Holds the shopper's cart until the transaction ends: one change at a time reads and writes it. */
    void hold(CustomerId customer);

    void put(CustomerId customer, ProductId product, int quantity);

    /** @return whether the product was in the cart */
    boolean remove(CustomerId customer, ProductId product);

    void removeAll(CustomerId customer, Collection<ProductId> products);

    /** A product in a cart. */
    record CartLine(ProductId productId, int quantity) {
    }
}
