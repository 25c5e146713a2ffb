package dev.kaimono.order.application.cart;

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
 * A shopper's cart: products they may order, with quantities; prices are taken when the order is placed. Every
 * change holds the shopper's cart for its transaction and publishes what it did ({@link CartEvent}) in it; a
 * change that changes nothing publishes nothing.
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

    public List<CartLine> cart(CustomerId customer) {
        return carts.lines(customer);
    }

    /** Sets the quantity of a product the catalog offers (the catalog is asked outside any transaction). */
    public List<CartLine> put(CustomerId customer, ProductId product, int quantity) {
        if (quantity < 1 || quantity > OrderLine.MAX_QUANTITY) {
            throw InvalidOrderRequestException.of("quantity", "must be between 1 and " + OrderLine.MAX_QUANTITY);
        }
        Map<ProductId, Catalog.CatalogProduct> found = catalog.products(List.of(product));
        Catalog.CatalogProduct offered = found.get(product);
        if (offered == null) {
            throw InvalidOrderRequestException.of("productId", "No such product in the catalog");
        }
        if (!offered.orderable()) {
            throw InvalidOrderRequestException.of("productId", "The product is discontinued");
        }
        return transactions.execute(status -> {
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
    }

    @Transactional
    public List<CartLine> remove(CustomerId customer, ProductId product) {
        carts.hold(customer);
        List<CartLine> lines = carts.lines(customer);
        Optional<CartLine> current = line(lines, product);
        if (current.isEmpty()) {
            return lines;
        }
        carts.remove(customer, product);
        messages.publish(customer, new CartEvent.ItemRemoved(product, current.get().quantity()));
        return lines.stream().filter(line -> !line.productId().equals(product)).toList();
    }

    /** Takes the ordered lines out of the cart, in the transaction that places the order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkOut(CustomerId customer, OrderId order, List<CartLine> lines) {
        carts.removeAll(customer, lines.stream().map(CartLine::productId).toList());
        messages.publish(customer, new CartEvent.CheckedOut(order, lines));
    }

    private static Optional<CartLine> line(List<CartLine> lines, ProductId product) {
        return lines.stream().filter(line -> line.productId().equals(product)).findFirst();
    }
}
