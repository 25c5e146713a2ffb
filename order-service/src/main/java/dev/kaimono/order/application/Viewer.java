package dev.kaimono.order.application;

import java.util.Objects;

import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.Order;

/** Who asks: a shopper sees their own orders only; an administrator sees every order. */
public record Viewer(CustomerId customerId, boolean administrator) {

    public Viewer {
        Objects.requireNonNull(customerId, "customerId");
    }

    public boolean maySee(Order order) {
        return administrator || order.belongsTo(customerId);
    }
}
