package dev.kaimono.order.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.kaimono.order.application.cart.CartItem;
import dev.kaimono.order.application.placing.Catalog.CatalogProduct;
import dev.kaimono.order.application.reading.OrderDetails;
import dev.kaimono.order.application.reading.OrderPage;
import dev.kaimono.order.application.reading.OrderSummary;
import dev.kaimono.order.application.saga.PlaceOrderSagas.TransitionRecord;
import dev.kaimono.order.application.RecordedEvent;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.saga.PlaceOrderSagaState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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

    /**
     * An event of an order's history as clients see every other event: named as on the broker ({@code order.placed}),
     * money as flat amounts with the order's currency once, at the top of {@code data} (docs/api-conventions.md).
     */
    record HistoryEntry(long version, String type, Instant occurredAt, JsonNode data) {

        static HistoryEntry of(RecordedEvent event, JsonNode stored) {
            JsonNode data = stored.deepCopy();
            String currency = flattenMoney(data);
            if (currency != null && data instanceof ObjectNode object && !object.has("currency")) {
                object.put("currency", currency);
            }
            return new HistoryEntry(event.version(), integrationName(event.type()), event.occurredAt(), data);
        }

        /** {@code OrderPlaced} → {@code order.placed}: the first word is the context, the rest the event. */
        static String integrationName(String storedType) {
            String words = storedType.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            int first = words.indexOf('-');
            return first < 0 ? words : words.substring(0, first) + "." + words.substring(first + 1);
        }

        /** Replaces every {@code {amount, currency}} object by its amount; answers the currency met, if any. */
        private static String flattenMoney(JsonNode node) {
            String currency = null;
            if (node instanceof ObjectNode object) {
                for (String name : List.copyOf(object.propertyNames())) {
                    JsonNode value = object.get(name);
                    if (value.isObject() && value.size() == 2 && value.has("amount") && value.has("currency")) {
                        object.put(name, value.get("amount").asString());
                        currency = value.get("currency").asString();
                    } else {
                        currency = either(flattenMoney(value), currency);
                    }
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    currency = either(flattenMoney(element), currency);
                }
            }
            return currency;
        }

        private static String either(String found, String before) {
            return found != null ? found : before;
        }
    }

    /**
     * A cart: its lines with the catalog's current name and price, and {@code itemCount}, the sum of the quantities
     * (as in an order summary). {@code totalQuantity} is the same number under its earlier name, kept for clients
     * that read it (docs/api-conventions.md).
     */
    record CartView(List<CartLineView> lines, int itemCount, int totalQuantity) {

        static CartView of(List<CartItem> items) {
            int units = items.stream().mapToInt(item -> item.line().quantity()).sum();
            return new CartView(items.stream().map(CartLineView::of).toList(), units, units);
        }
    }

    /** A cart line; name, price and whether it can be ordered are null while the catalog cannot be asked. */
    record CartLineView(UUID productId, String productName, String unitPrice, String currency, Boolean orderable,
            int quantity) {

        static CartLineView of(CartItem item) {
            return new CartLineView(item.line().productId().value(),
                    item.product().map(CatalogProduct::name).orElse(null),
                    item.product().map(product -> amount(product.price())).orElse(null),
                    item.product().map(product -> product.price().currency().getCurrencyCode()).orElse(null),
                    item.product().map(CatalogProduct::orderable).orElse(null),
                    item.line().quantity());
        }
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
