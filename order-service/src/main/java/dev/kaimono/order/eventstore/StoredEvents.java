package dev.kaimono.order.eventstore;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import dev.kaimono.order.domain.CancellationReason;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.OrderEvent.OrderCancelled;
import dev.kaimono.order.domain.OrderEvent.OrderConfirmed;
import dev.kaimono.order.domain.OrderEvent.OrderDelivered;
import dev.kaimono.order.domain.OrderEvent.OrderPlaced;
import dev.kaimono.order.domain.OrderEvent.OrderShipped;
import dev.kaimono.order.domain.OrderEvent;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderLine;
import dev.kaimono.order.domain.PaymentMethod;
import dev.kaimono.order.domain.ProductId;
import dev.kaimono.order.domain.Shipment;
import dev.kaimono.order.domain.ShippingAddress;
import dev.kaimono.order.persistence.StoredJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of each order event (schema version 1): a type name and a JSON payload of plain
 * records, amounts as strings. The instant lives in its own column. Stored events are never rewritten;
 * a change to an event's shape adds a schema version and an upcast here.
 */
final class StoredEvents {

    static final int SCHEMA_VERSION = 1;

    private final JsonMapper json = StoredJson.JSON;

    /** An event ready to store. */
    record Stored(String type, String payload) {
    }

    Stored encode(OrderEvent event) {
        Object payload = switch (event) {
            case OrderPlaced placed -> new Placed(placed.orderId().value(), placed.customerId().value(),
                    placed.lines().stream().map(StoredEvents::line).toList(), money(placed.total()),
                    address(placed.shippingAddress()), placed.paymentMethod().value());
            case OrderConfirmed confirmed -> new Confirmed(confirmed.orderId().value(), confirmed.paymentId());
            case OrderCancelled cancelled -> new Cancelled(cancelled.orderId().value(), cancelled.reason().name(),
                    cancelled.wasConfirmed());
            case OrderShipped shipped -> new Shipped(shipped.orderId().value(), shipped.shipment().shipmentId(),
                    shipped.shipment().carrier(), shipped.shipment().trackingNumber());
            case OrderDelivered delivered -> new Delivered(delivered.orderId().value(), delivered.shipmentId());
        };
        return new Stored(typeOf(event), json.writeValueAsString(payload));
    }

    OrderEvent decode(String type, int schemaVersion, String payload, Instant occurredAt) {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalStateException("Stored %s has schema version %d; this service reads %d"
                    .formatted(type, schemaVersion, SCHEMA_VERSION));
        }
        return switch (type) {
            case "OrderPlaced" -> {
                Placed placed = json.readValue(payload, Placed.class);
                yield new OrderPlaced(new OrderId(placed.orderId()), new CustomerId(placed.customerId()),
                        placed.lines().stream().map(StoredEvents::line).toList(), money(placed.total()),
                        address(placed.shippingAddress()), new PaymentMethod(placed.paymentMethod()), occurredAt);
            }
            case "OrderConfirmed" -> {
                Confirmed confirmed = json.readValue(payload, Confirmed.class);
                yield new OrderConfirmed(new OrderId(confirmed.orderId()), confirmed.paymentId(), occurredAt);
            }
            case "OrderCancelled" -> {
                Cancelled cancelled = json.readValue(payload, Cancelled.class);
                yield new OrderCancelled(new OrderId(cancelled.orderId()), CancellationReason.valueOf(cancelled.reason()),
                        cancelled.wasConfirmed(), occurredAt);
            }
            case "OrderShipped" -> {
                Shipped shipped = json.readValue(payload, Shipped.class);
                yield new OrderShipped(new OrderId(shipped.orderId()),
                        new Shipment(shipped.shipmentId(), shipped.carrier(), shipped.trackingNumber()), occurredAt);
            }
            case "OrderDelivered" -> {
                Delivered delivered = json.readValue(payload, Delivered.class);
                yield new OrderDelivered(new OrderId(delivered.orderId()), delivered.shipmentId(), occurredAt);
            }
            default -> throw new IllegalStateException("Unknown stored order event type " + type);
        };
    }

    static String typeOf(OrderEvent event) {
        return switch (event) {
            case OrderPlaced placed -> "OrderPlaced";
            case OrderConfirmed confirmed -> "OrderConfirmed";
            case OrderCancelled cancelled -> "OrderCancelled";
            case OrderShipped shipped -> "OrderShipped";
            case OrderDelivered delivered -> "OrderDelivered";
        };
    }

    private static LineData line(OrderLine line) {
        return new LineData(line.productId().value(), line.productName(), money(line.unitPrice()), line.quantity());
    }

    private static OrderLine line(LineData line) {
        return new OrderLine(new ProductId(line.productId()), line.productName(), money(line.unitPrice()), line.quantity());
    }

    private static MoneyData money(Money money) {
        return new MoneyData(money.amount(), money.currency().getCurrencyCode());
    }

    private static Money money(MoneyData money) {
        return new Money(money.amount(), Currency.getInstance(money.currency()));
    }

    private static AddressData address(ShippingAddress address) {
        return new AddressData(address.name(), address.line1(), address.city(), address.postalCode(), address.country());
    }

    private static ShippingAddress address(AddressData address) {
        return new ShippingAddress(address.name(), address.line1(), address.city(), address.postalCode(), address.country());
    }

    record MoneyData(BigDecimal amount, String currency) {
    }

    record LineData(UUID productId, String productName, MoneyData unitPrice, int quantity) {
    }

    record AddressData(String name, String line1, String city, String postalCode, String country) {
    }

    record Placed(UUID orderId, UUID customerId, List<LineData> lines, MoneyData total, AddressData shippingAddress,
            String paymentMethod) {
    }

    record Confirmed(UUID orderId, UUID paymentId) {
    }

    record Cancelled(UUID orderId, String reason, boolean wasConfirmed) {
    }

    record Shipped(UUID orderId, UUID shipmentId, String carrier, String trackingNumber) {
    }

    record Delivered(UUID orderId, UUID shipmentId) {
    }
}
