package dev.kaimono.order.application.fulfilment;

import java.time.Clock;

import org.springframework.stereotype.Service;

import dev.kaimono.order.application.OrderCommandHandler;
import dev.kaimono.order.application.OrderEventStore;
import dev.kaimono.order.application.OrderNotFoundException;
import dev.kaimono.order.application.RetryingTransactions;
import dev.kaimono.order.application.Viewer;
import dev.kaimono.order.application.reading.OrderDetails;
import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderCommand.CancelOrder;
import dev.kaimono.order.domain.OrderId;

/**
 * A shopper cancels their own confirmed, undispatched order. The {@code order.cancelled} event it
 * publishes (with {@code wasConfirmed = true}) makes payment refund, inventory restock and shipping cancel
 * the shipment. Cancelling a cancelled order again changes nothing and succeeds; a pending order (still
 * being placed) or a dispatched one refuses (409).
 */
@Service
public class OrderCancellation {

    private final OrderEventStore store;
    private final OrderCommandHandler orders;
    private final RetryingTransactions transactions;
    private final Clock clock;

    OrderCancellation(OrderEventStore store, OrderCommandHandler orders, RetryingTransactions transactions, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.transactions = transactions;
        this.clock = clock;
    }

    public OrderDetails cancel(Viewer viewer, OrderId orderId) {
        return transactions.execute(() -> {
            if (!(store.load(orderId).state() instanceof Order order) || !order.belongsTo(viewer.customerId())) {
                throw new OrderNotFoundException(orderId);
            }
            OrderCommandHandler.Outcome outcome = orders.handle(new CancelOrder(orderId, clock.instant()));
            return OrderDetails.of(outcome.order(), outcome.version());
        });
    }
}
