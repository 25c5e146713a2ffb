package dev.kaimono.order.application.reading;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.kaimono.order.application.EventStream;
import dev.kaimono.order.application.InvalidOrderRequestException;
import dev.kaimono.order.application.OrderEventStore;
import dev.kaimono.order.application.OrderNotFoundException;
import dev.kaimono.order.application.RecordedEvent;
import dev.kaimono.order.application.Viewer;
import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderState;

/**
 * What shoppers read: their list (from the summary projection), an order's details (from the details
 * projection, or from the events when the projection has not caught up with the order yet, so a shopper
 * always reads their own writes), its history and its state at a past instant (from the events).
 */
@Service
public class OrderQueries {

    public static final int MAX_PAGE_SIZE = 100;

    private final OrderViews views;
    private final OrderEventStore store;

    OrderQueries(OrderViews views, OrderEventStore store) {
        this.views = views;
        this.store = store;
    }

    public OrderPage<OrderSummary> list(Viewer viewer, int page, int size) {
        if (page < 0) {
            throw InvalidOrderRequestException.of("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidOrderRequestException.of("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return views.summaries(viewer.customerId(), page, size);
    }

    public OrderDetails details(Viewer viewer, OrderId orderId) {
        Optional<OrderDetails> projected = views.details(orderId);
        if (projected.isPresent() && projected.get().version() >= store.version(orderId)) {
            OrderDetails details = projected.get();
            if (viewer.administrator() || details.customerId().equals(viewer.customerId())) {
                return details;
            }
            throw new OrderNotFoundException(orderId);
        }
        EventStream stream = store.load(orderId);
        return OrderDetails.of(visible(viewer, orderId, stream.state()), stream.version());
    }

    /** The order as it was at {@code asOf}; not found if it had not been placed by then. */
    public OrderDetails detailsAsOf(Viewer viewer, OrderId orderId, Instant asOf) {
        EventStream stream = store.load(orderId);
        visible(viewer, orderId, stream.state());
        return OrderDetails.of(visible(viewer, orderId, stream.stateAsOf(asOf)), stream.versionAsOf(asOf));
    }

    public List<RecordedEvent> history(Viewer viewer, OrderId orderId) {
        EventStream stream = store.load(orderId);
        visible(viewer, orderId, stream.state());
        return stream.events();
    }

    private static Order visible(Viewer viewer, OrderId orderId, OrderState state) {
        if (state instanceof Order order && viewer.maySee(order)) {
            return order;
        }
        throw new OrderNotFoundException(orderId);
    }
}
