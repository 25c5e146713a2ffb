package dev.kaimono.order.application.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.order.application.InvalidOrderRequestException;
import dev.kaimono.order.application.cart.Carts.CartLine;
import dev.kaimono.order.application.placing.Catalog;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.OrderDecider;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderLine;
import dev.kaimono.order.domain.ProductId;

/**
 * A shopper's cart: products they may order, with quantities. The cart shows the catalog's names and prices
 * ({@link CartItem}) as {@link ShownProducts} knows them — a few seconds old at most; the order is priced again when
 * it is placed. Every change holds the shopper's cart for its transaction and publishes what it did
 * ({@link CartEvent}) in it; a change that changes nothing publishes nothing.
 */
@Service
public class CartService {

    private final Carts carts;
    private final Catalog catalog;
    private final ShownProducts shown;
    private final CartMessages messages;
    private final TransactionTemplate transactions;

    CartService(Carts carts, Catalog catalog, ShownProducts shown, CartMessages messages,
            PlatformTransactionManager transactionManager) {
        this.carts = carts;
        this.catalog = catalog;
        this.shown = shown;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The cart's lines as stored, for placing an order from them. */
    public List<CartLine> cart(CustomerId customer) {
        return carts.lines(customer);
    }

    /** The cart as the shopper sees it, with names and prices (without them while the catalog is unavailable). */
    public List<CartItem> contents(CustomerId customer) {
        return shownAs(carts.lines(customer));
    }

    /**
     * Sets the quantity of a product the catalog offers, and answers the cart. The catalog itself is asked whether
     * it offers the product, before any transaction begins.
     */
    public List<CartItem> put(CustomerId customer, ProductId product, int quantity) {
        if (quantity < 1 || quantity > OrderLine.MAX_QUANTITY) {
            throw InvalidOrderRequestException.of("quantity", "must be between 1 and " + OrderLine.MAX_QUANTITY);
        }
        Catalog.CatalogProduct offered = catalog.products(List.of(product)).get(product);
        if (offered == null) {
            throw InvalidOrderRequestException.of("productId", "No such product in the catalog");
        }
        shown.seen(offered);
        if (!offered.orderable()) {
            throw InvalidOrderRequestException.of("productId", "The product is discontinued");
        }
        return shownAs(transactions.execute(status -> {
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
            return withQuantity(lines, product, quantity);
        }));
    }

    /** Takes a product out of the cart, and answers the cart. */
    public List<CartItem> remove(CustomerId customer, ProductId product) {
        return shownAs(transactions.execute(status -> {
            carts.hold(customer);
            List<CartLine> lines = carts.lines(customer);
            Optional<CartLine> current = line(lines, product);
            if (current.isEmpty()) {
                return lines;
            }
            carts.remove(customer, product);
            messages.publish(customer, new CartEvent.ItemRemoved(product, current.get().quantity()));
            return lines.stream().filter(line -> !line.productId().equals(product)).toList();
        }));
    }

    /** Takes the ordered lines out of the cart, in the transaction that places the order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkOut(CustomerId customer, OrderId order, List<CartLine> lines) {
        carts.removeAll(customer, lines.stream().map(CartLine::productId).toList());
        messages.publish(customer, new CartEvent.CheckedOut(order, lines));
    }

    /** The lines with what is known of their products (outside any transaction: no connection waits on it). */
    private List<CartItem> shownAs(List<CartLine> lines) {
        Map<ProductId, Catalog.CatalogProduct> products = shown.products(lines.stream().map(CartLine::productId).toList());
        return lines.stream().map(line -> new CartItem(line, Optional.ofNullable(products.get(line.productId())))).toList();
    }

    /** The lines after a put, in the order {@link Carts#lines} gives them: a new product comes last. */
    private static List<CartLine> withQuantity(List<CartLine> lines, ProductId product, int quantity) {
        List<CartLine> after = new ArrayList<>(lines.size() + 1);
        boolean replaced = false;
        for (CartLine line : lines) {
            boolean same = line.productId().equals(product);
            after.add(same ? new CartLine(product, quantity) : line);
            replaced |= same;
        }
        if (!replaced) {
            after.add(new CartLine(product, quantity));
        }
        return List.copyOf(after);
    }

    private static Optional<CartLine> line(List<CartLine> lines, ProductId product) {
        return lines.stream().filter(line -> line.productId().equals(product)).findFirst();
    }
}
