package dev.kaimono.order.application.cart;

import java.util.List;

import dev.kaimono.order.application.cart.Carts.CartLine;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.ProductId;

/** What happened to a shopper's cart; each is published as a {@code cart.*} event in the transaction that did it. */
public sealed interface CartEvent {

    /** A product that was not in the cart went in. */
    record ItemAdded(ProductId productId, int quantity) implements CartEvent {
    }

    /** A product in the cart got another quantity. */
    record QuantityChanged(ProductId productId, int quantity, int previousQuantity) implements CartEvent {
    }

    /** The shopper took a product out; {@code quantity} is what the cart held. */
    record ItemRemoved(ProductId productId, int quantity) implements CartEvent {
    }

    /** The cart's lines became an order and left the cart. */
    record CheckedOut(OrderId orderId, List<CartLine> lines) implements CartEvent {

        public CheckedOut {
            lines = List.copyOf(lines);
        }
    }
}
