package dev.kaimono.order.application.cart;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.order.application.InvalidOrderRequestException;
import dev.kaimono.order.application.cart.Carts.CartLine;
import dev.kaimono.order.application.placing.Catalog;
import dev.kaimono.order.application.placing.CatalogUnavailableException;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.OrderDecider;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderLine;
import dev.kaimono.order.domain.ProductId;

/**
 * A shopper's cart: products they may order, with quantities. The cart shows the catalog's current names and
 * prices ({@link CartItem}); the order is priced again when it is placed. Every change holds the shopper's cart
 * for its transaction and publishes what it did ({@link CartEvent}) in it; a change that changes nothing
 * publishes nothing.
 */
@Service
public class CartService {

    private final Carts carts;
    private final Catalog catalog;
    private final CartMessages messages;
    private final TransactionTemplate transactions;

    CartService(Carts carts, Catalog catalog, CartMessages messages, PlatformTransactionManager transactionManager) {
        this.carts = carts;
        this.catalog = catalog;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The cart's lines as stored, for placing an order from them. */
    public List<CartLine> cart(CustomerId customer) {
        return carts.lines(customer);
    }

    /** The cart as the shopper sees it, with names and prices (without them while the catalog is unavailable). */
    public List<CartItem> contents(CustomerId customer) {
        return priced(carts.lines(customer), Map.of());
    }

    /**
     * Sets the quantity of a product the catalog offers, and answers the cart. The catalog is asked once, outside
     * any transaction, for that product and the cart's others.
     */
    public List<CartItem> put(CustomerId customer, ProductId product, int quantity) {
        if (quantity < 1 || quantity > OrderLine.MAX_QUANTITY) {
            throw InvalidOrderRequestException.of("quantity", "must be between 1 and " + OrderLine.MAX_QUANTITY);
        }
        Set<ProductId> asked = new LinkedHashSet<>(List.of(product));
        carts.lines(customer).forEach(line -> asked.add(line.productId()));
        Map<ProductId, Catalog.CatalogProduct> found = catalog.products(asked);
        Catalog.CatalogProduct offered = found.get(product);
        if (offered == null) {
            throw InvalidOrderRequestException.of("productId", "No such product in the catalog");
        }
        if (!offered.orderable()) {
            throw InvalidOrderRequestException.of("productId", "The product is discontinued");
        }
        List<CartLine> after = transactions.execute(status -> {
            carts.hold(customer);
            List<CartLine> lines = carts.lines(customer);
            Optional<CartLine> current = line(lines, product);
            if (current.isEmpty() && lines.size() >= OrderDecider.MAX_LINES) {
                throw InvalidOrderRequestException.of("productId", "A cart holds at most %d products".formatted(OrderDecider.MAX_LINES));
            }
            if (current.isPresent() && current.get().quantity() == quantity) {
                return lines;
            }
            carts.put(customer, product, quantity);
            messages.publish(customer, current.<CartEvent>map(line -> new CartEvent.QuantityChanged(product, quantity, line.quantity()))
                    .orElseGet(() -> new CartEvent.ItemAdded(product, quantity)));
            return carts.lines(customer);
        });
        return priced(after, found);
    }

    /** Takes a product out of the cart, and answers the cart. */
    public List<CartItem> remove(CustomerId customer, ProductId product) {
        return priced(transactions.execute(status -> {
            carts.hold(customer);
            List<CartLine> lines = carts.lines(customer);
            Optional<CartLine> current = line(lines, product);
            if (current.isEmpty()) {
                return lines;
            }
            carts.remove(customer, product);
            messages.publish(customer, new CartEvent.ItemRemoved(product, current.get().quantity()));
            return lines.stream().filter(line -> !line.productId().equals(product)).toList();
        }), Map.of());
    }

    /** Takes the ordered lines out of the cart, in the transaction that places the order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkOut(CustomerId customer, OrderId order, List<CartLine> lines) {
        carts.removeAll(customer, lines.stream().map(CartLine::productId).toList());
        messages.publish(customer, new CartEvent.CheckedOut(order, lines));
    }

    /** The lines with what the catalog says of them; asks it (outside any transaction) for those not yet known. */
    private List<CartItem> priced(List<CartLine> lines, Map<ProductId, Catalog.CatalogProduct> known) {
        Map<ProductId, Catalog.CatalogProduct> products = new HashMap<>(known);
        List<ProductId> unknown = lines.stream().map(CartLine::productId).filter(id -> !products.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            try {
                products.putAll(catalog.products(unknown));
            } catch (CatalogUnavailableException unavailable) {
                // The cart is still shown, without names and prices until the catalog answers again.
            }
        }
        return lines.stream().map(line -> new CartItem(line, Optional.ofNullable(products.get(line.productId())))).toList();
    }

    private static Optional<CartLine> line(List<CartLine> lines, ProductId product) {
        return lines.stream().filter(line -> line.productId().equals(product)).findFirst();
    }
}
