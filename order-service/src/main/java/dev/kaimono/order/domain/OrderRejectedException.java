package dev.kaimono.order.domain;

import java.util.List;

/** The order's rules refuse to place an order as it stands; {@link #rejections()} says every reason. */
public class OrderRejectedException extends RuntimeException {

    private final List<OrderRejection> rejections;

    public OrderRejectedException(List<OrderRejection> rejections) {
        super(rejections.stream().map(OrderRejection::message).toList().toString());
        if (rejections.isEmpty()) {
            throw new IllegalArgumentException("A rejection has at least one reason");
        }
        this.rejections = List.copyOf(rejections);
    }

    public List<OrderRejection> rejections() {
        return rejections;
    }
}
