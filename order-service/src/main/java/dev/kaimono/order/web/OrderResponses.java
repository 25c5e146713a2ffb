package dev.kaimono.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.kaimono.order.application.cart.Carts.CartLine;
import dev.kaimono.order.application.reading.OrderDetails;
import dev.kaimono.order.application.reading.OrderPage;
import dev.kaimono.order.application.reading.OrderSummary;
import dev.kaimono.order.application.saga.PlaceOrderSagas.TransitionRecord;
import dev.kaimono.order.application.RecordedEvent;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.saga.PlaceOrderSagaState;
import tools.jackson.databind.JsonNode;

/** Response bodies. Amounts are JSON strings (exact decimals), instants ISO-8601. */
final class OrderResponses {

    private OrderResponses() {
    }

    /** {@code 202} to {@code POST /api/orders}. */
    record OrderAccepted(UUID id, String status) {
    }

    record OrderView(UUID id, String status, List<LineView> lines, String total, String currency, String cancellationReason,
            Instant createdAt, Instant updatedAt, AddressView shippingAddress, String paymentMethod, ShipmentView shipment,
            long version) {

        static OrderView of(OrderDetails order) {
            return new OrderView(order.id().value(), order.status().name(),
                    order.lines().stream().map(line -> new LineView(line.productId().value(), line.productName(),
                            amount(line.unitPrice()), line.quantity())).toList(),
                    amount(order.total()), order.total().currency().getCurrencyCode(),
                    order.cancellationReason() == null ? null : order.cancellationReason().name(),
                    order.createdAt(), order.updatedAt(),
                    new AddressView(order.shippingAddress().name(), order.shippingAddress().line1(), order.shippingAddress().city(),
                            order.shippingAddress().postalCode(), order.shippingAddress().country()),
                    order.paymentMethod(),
                    order.shipment() == null ? null : new ShipmentView(order.shipment().shipmentId(), order.shipment().carrier(),
                            order.shipment().trackingNumber()),
                    order.version());
        }
    }

    record LineView(UUID productId, String productName, String unitPrice, int quantity) {
    }

    record AddressView(String name, String line1, String city, String postalCode, String country) {
    }

    record ShipmentView(UUID shipmentId, String carrier, String trackingNumber) {
    }

    record SummaryView(UUID id, String status, String total, String currency, int itemCount, Instant createdAt, Instant updatedAt) {

        static SummaryView of(OrderSummary summary) {
            return new SummaryView(summary.id().value(), summary.status().name(), amount(summary.total()),
                    summary.total().currency().getCurrencyCode(), summary.itemCount(), summary.createdAt(), summary.updatedAt());
        }
    }

    record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

        static PageView<SummaryView> of(OrderPage<OrderSummary> page) {
            return new PageView<>(page.content().stream().map(SummaryView::of).toList(), page.page(), page.size(),
                    page.totalElements(), page.totalPages());
        }
    }

    record HistoryEntry(long version, String type, Instant occurredAt, JsonNode data) {

        static HistoryEntry of(RecordedEvent event, JsonNode data) {
            return new HistoryEntry(event.version(), event.type(), event.occurredAt(), data);
        }
    }

    record CartView(List<CartLineView> lines, int totalQuantity) {

        static CartView of(List<CartLine> lines) {
            return new CartView(lines.stream().map(line -> new CartLineView(line.productId().value(), line.quantity())).toList(),
                    lines.stream().mapToInt(CartLine::quantity).sum());
        }
    }

    record CartLineView(UUID productId, int quantity) {
    }

    record SagaView(UUID orderId, UUID customerId, String state, int attempts, Instant deadlineAt, boolean overdue,
            String amount, String currency, String paymentMethod, UUID paymentId, String cancellationReason,
            Instant startedAt, Instant updatedAt) {

        static SagaView of(PlaceOrderSagaState saga, Instant now) {
            return new SagaView(saga.orderId().value(), saga.customerId().value(), saga.step().name(), saga.attempts(),
                    saga.deadlineAt().orElse(null), saga.isOverdue(now), OrderResponses.amount(saga.amount()),
                    saga.amount().currency().getCurrencyCode(), saga.paymentMethod().value(), saga.paymentId().orElse(null),
                    saga.cancellationReason().map(Enum::name).orElse(null), saga.startedAt(), saga.updatedAt());
        }
    }

    record SagaDetailsView(SagaView saga, List<TransitionView> transitions) {
    }

    record TransitionView(String from, String to, String trigger, List<String> commands, String orderCommand, int attempts,
            Instant at) {

        static TransitionView of(TransitionRecord transition) {
            return new TransitionView(transition.from() == null ? null : transition.from().name(), transition.to().name(),
                    transition.trigger(), transition.commands(), transition.orderCommand(), transition.attempts(), transition.at());
        }
    }

    static String amount(Money money) {
        return money.amount().toPlainString();
    }
}
