package dev.kaimono.order.application.cart;

import java.util.Optional;

import dev.kaimono.order.application.cart.Carts.CartLine;
import dev.kaimono.order.application.placing.Catalog.CatalogProduct;

/**
 * A line of a shopper's cart as the shopper sees it: the product and quantity, with the catalog's current name,
 * price and whether it can be ordered — empty while the catalog cannot be asked (the cart is still shown).
 */
public record CartItem(CartLine line, Optional<CatalogProduct> product) {
}
