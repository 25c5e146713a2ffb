package dev.kaimono.order.domain;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.kaimono.order.domain.OrderCommand.CancelOrder;
import dev.kaimono.order.domain.OrderCommand.ConfirmOrder;
import dev.kaimono.order.domain.OrderCommand.PlaceOrder;
import dev.kaimono.order.domain.OrderCommand.RecordDelivery;
import dev.kaimono.order.domain.OrderCommand.RecordShipment;
import dev.kaimono.order.domain.OrderCommand.RejectOrder;
import dev.kaimono.order.domain.OrderEvent.OrderCancelled;
import dev.kaimono.order.domain.OrderEvent.OrderConfirmed;
import dev.kaimono.order.domain.OrderEvent.OrderDelivered;
import dev.kaimono.order.domain.OrderEvent.OrderPlaced;
import dev.kaimono.order.domain.OrderEvent.OrderShipped;

/**
 * The order's rules as a decider: {@link #decide} turns a command and the current state into the events
 * that happen (or refuses: {@link OrderRejectedException} for an order that may not be placed as it stands,
 * {@link OrderRuleViolationException} for a command its state does not allow); {@link #evolve} applies one event
 * to a state. Both are pure. A command that is already satisfied (confirming a confirmed order, recording
 * the same dispatch twice, cancelling a cancelled order) decides no events, so redelivered messages and
 * client retries are harmless.
 */
public final class OrderDecider {

    /** Most lines one order may have. */
    public static final int MAX_LINES = 50;

    private OrderDecider() {
    }

    public static OrderState initialState() {
        return OrderState.NOT_PLACED;
    }

    public static List<OrderEvent> decide(OrderCommand command, OrderState state) {
        return switch (command) {
            case PlaceOrder place -> place(place, state);
            case ConfirmOrder confirm -> confirm(confirm, placed(state, command));
            case RejectOrder reject -> reject(reject, placed(state, command));
            case CancelOrder cancel -> cancel(cancel, placed(state, command));
            case RecordShipment shipment -> ship(shipment, placed(state, command));
            case RecordDelivery delivery -> deliver(delivery, placed(state, command));
        };
    }

    public static OrderState evolve(OrderState state, OrderEvent event) {
        return switch (event) {
            case OrderPlaced placed -> Order.placed(new Placement(placed.orderId(), placed.customerId(), placed.lines(),
                    placed.total(), placed.shippingAddress(), placed.paymentMethod(), placed.occurredAt()));
            case OrderConfirmed confirmed -> existing(state, event).confirmed(confirmed.paymentId(), confirmed.occurredAt());
            case OrderCancelled cancelled -> existing(state, event).cancelled(cancelled.reason(), cancelled.occurredAt());
            case OrderShipped shipped -> existing(state, event).shipped(shipped.shipment(), shipped.occurredAt());
            case OrderDelivered delivered -> existing(state, event).withStatus(OrderStatus.DELIVERED, delivered.occurredAt());
        };
    }

    /** The state after all the events, from the initial state. */
    public static OrderState fold(List<? extends OrderEvent> events) {
        return fold(initialState(), events);
    }

    public static OrderState fold(OrderState state, List<? extends OrderEvent> events) {
        OrderState current = state;
        for (OrderEvent event : events) {
            current = evolve(current, event);
        }
        return current;
    }

    private static List<OrderEvent> place(PlaceOrder command, OrderState state) {
        if (state instanceof Order placed) {
            throw new OrderRuleViolationException(placed.status(), "Order %s was placed already".formatted(command.orderId()));
        }
        List<OrderRejection> rejections = rejections(command.lines());
        if (!rejections.isEmpty()) {
            throw new OrderRejectedException(rejections);
        }
        Money total = Money.zero(command.lines().getFirst().unitPrice().currency());
        for (OrderLine line : command.lines()) {
            total = total.plus(line.subtotal());
        }
        return List.of(new OrderPlaced(command.orderId(), command.customerId(), command.lines(), total,
                command.shippingAddress(), command.paymentMethod(), command.at()));
    }

    /** Every rule an order's lines break: at least one line, at most {@value #MAX_LINES}, each product once, one currency. */
    private static List<OrderRejection> rejections(List<OrderLine> lines) {
        if (lines.isEmpty()) {
            return List.of(new OrderRejection.NoLines());
        }
        List<OrderRejection> rejections = new ArrayList<>();
        if (lines.size() > MAX_LINES) {
            rejections.add(new OrderRejection.TooManyLines(MAX_LINES));
        }
        Set<ProductId> products = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!products.add(lines.get(i).productId())) {
                rejections.add(new OrderRejection.RepeatedProduct(i, lines.get(i).productId()));
            }
        }
        Currency currency = lines.getFirst().unitPrice().currency();
        if (lines.stream().anyMatch(line -> !line.unitPrice().currency().equals(currency))) {
            rejections.add(new OrderRejection.MixedCurrencies());
        }
        return rejections;
    }

    private static List<OrderEvent> confirm(ConfirmOrder command, Order state) {
        return switch (state.status()) {
            case PENDING -> List.of(new OrderConfirmed(command.orderId(), command.paymentId(), command.at()));
            case CONFIRMED, SHIPPED, DELIVERED -> List.of();
            case CANCELLED -> throw refused(state, "A cancelled order cannot be confirmed");
        };
    }

    private static List<OrderEvent> reject(RejectOrder command, Order state) {
        return switch (state.status()) {
            case PENDING -> List.of(new OrderCancelled(command.orderId(), command.reason(), false, command.at()));
            case CANCELLED -> List.of();
            case CONFIRMED, SHIPPED, DELIVERED -> throw refused(state, "The order was placed; only its shopper may cancel it now");
        };
    }

    private static List<OrderEvent> cancel(CancelOrder command, Order state) {
        return switch (state.status()) {
            case CONFIRMED -> List.of(new OrderCancelled(command.orderId(), CancellationReason.CUSTOMER_REQUEST, true, command.at()));
            case CANCELLED -> List.of();
            case PENDING -> throw refused(state, "The order is still being placed; try again in a moment");
            case SHIPPED, DELIVERED -> throw refused(state, "The order has been dispatched and can no longer be cancelled");
        };
    }

    private static List<OrderEvent> ship(RecordShipment command, Order state) {
        return switch (state.status()) {
            case CONFIRMED -> List.of(new OrderShipped(command.orderId(), command.shipment(), command.at()));
            case SHIPPED, DELIVERED -> List.of();
            case PENDING -> throw refused(state, "A pending order cannot be dispatched");
            case CANCELLED -> throw refused(state, "A cancelled order cannot be dispatched");
        };
    }

    private static List<OrderEvent> deliver(RecordDelivery command, Order state) {
        return switch (state.status()) {
            case SHIPPED -> List.of(new OrderDelivered(command.orderId(), command.shipmentId(), command.at()));
            // The dispatch report is late (retried, or dead-lettered): delivery implies it.
            case CONFIRMED -> List.of(new OrderShipped(command.orderId(), new Shipment(command.shipmentId(), null, null), command.at()),
                    new OrderDelivered(command.orderId(), command.shipmentId(), command.at()));
            case DELIVERED -> List.of();
            case PENDING -> throw refused(state, "A pending order cannot be delivered");
            case CANCELLED -> throw refused(state, "A cancelled order cannot be delivered");
        };
    }

    private static Order placed(OrderState state, OrderCommand command) {
        return switch (state) {
            case Order order -> order;
            case OrderState.NotPlaced _ -> throw new UnknownOrderException(command.orderId());
        };
    }

    private static Order existing(OrderState state, OrderEvent event) {
        return switch (state) {
            case Order order -> order;
            case OrderState.NotPlaced _ -> throw new IllegalStateException(
                    "%s for order %s, which has no OrderPlaced before it".formatted(event.getClass().getSimpleName(), event.orderId()));
        };
    }

    private static OrderRuleViolationException refused(Order state, String message) {
        return new OrderRuleViolationException(state.status(), message);
    }
}
