package dev.kaimono.order.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kaimono.order.application.cart.Carts;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.ProductId;

/**
 * {@link Carts} on {@code cart_item}; a cart is held with a transaction-scoped advisory lock on its shopper. A line
 * is stamped when it is added (the clock's time, not the transaction's: a change that waited for the cart comes
 * after the one it waited for).
 */
@Repository
class JdbcCarts implements Carts {

    /** The first key of the carts' advisory locks, so that they share no lock with anything else. */
    private static final int CART_LOCKS = 0x43617274;

    private final JdbcClient jdbc;

    JdbcCarts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CartLine> lines(CustomerId customer) {
        return jdbc.sql("SELECT product_id, quantity FROM cart_item WHERE customer_id = :customer ORDER BY added_at, product_id")
                .param("customer", customer.value())
                .query((row, n) -> new CartLine(new ProductId(row.getObject("product_id", UUID.class)), row.getInt("quantity")))
                .list();
    }

    @Override
    public void hold(CustomerId customer) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:carts, hashtext(:customer))")
                .param("carts", CART_LOCKS).param("customer", customer.toString())
                .query((row, n) -> 1).single();
    }

    @Override
    public void put(CustomerId customer, ProductId product, int quantity) {
        jdbc.sql("""
                INSERT INTO cart_item (customer_id, product_id, quantity, added_at)
                VALUES (:customer, :product, :quantity, clock_timestamp())
                ON CONFLICT (customer_id, product_id) DO UPDATE SET quantity = excluded.quantity""")
                .param("customer", customer.value()).param("product", product.value()).param("quantity", quantity)
                .update();
    }

    @Override
    public boolean remove(CustomerId customer, ProductId product) {
        return jdbc.sql("DELETE FROM cart_item WHERE customer_id = :customer AND product_id = :product")
                .param("customer", customer.value()).param("product", product.value()).update() > 0;
    }

    @Override
    public void removeAll(CustomerId customer, Collection<ProductId> products) {
        if (products.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM cart_item WHERE customer_id = :customer AND product_id IN (:products)")
                .param("customer", customer.value())
                .param("products", products.stream().map(ProductId::value).toList())
                .update();
    }
}
