package dev.kaimono.order.application.cart;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kaimono.order.application.InvalidOrderRequestException;
import dev.kaimono.order.application.cart.Carts.CartLine;
import dev.kaimono.order.application.placing.Catalog;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.OrderDecider;
import dev.kaimono.order.domain.OrderLine;
import dev.kaimono.order.domain.ProductId;

/** A shopper's cart: products they may order, with quantities; prices are taken when the order is placed. */
@Service
public class CartService {

    private final Carts carts;
    private final Catalog catalog;

    CartService(Carts carts, Catalog catalog) {
        this.carts = carts;
        this.catalog = catalog;
    }

    public List<CartLine> cart(CustomerId customer) {
        return carts.lines(customer);
    }

    /** Sets the quantity of a product the catalog offers (asked outside any transaction). */
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
        List<CartLine> lines = carts.lines(customer);
        boolean known = lines.stream().anyMatch(line -> line.productId().equals(product));
        if (!known && lines.size() >= OrderDecider.MAX_LINES) {
            throw InvalidOrderRequestException.of("productId", "A cart holds at most %d products".formatted(OrderDecider.MAX_LINES));
        }
        carts.put(customer, product, quantity);
        return carts.lines(customer);
    }

    @Transactional
    public List<CartLine> remove(CustomerId customer, ProductId product) {
        carts.remove(customer, product);
        return carts.lines(customer);
    }
}
