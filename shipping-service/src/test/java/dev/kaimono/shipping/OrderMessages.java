package dev.kaimono.shipping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.Money;
import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.OrderConfirmed;
import dev.kaimono.events.PricedLine;
import dev.kaimono.events.ShippingAddress;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;

/** What order-service would send shipping-service, as envelopes ready for the broker. */
final class OrderMessages {

    static final ShippingAddress TOKYO = new ShippingAddress("Ann Lee", "1-2-3 Jingumae", "Tokyo", "150-0001", "JP");

    private final MessageCodec codec;

    OrderMessages(MessageCodec codec) {
        this.codec = codec;
    }

    /** {@code order.confirmed} for one tin of matcha, to Tokyo. */
    EventEnvelope confirmed(UUID orderId, UUID customerId) {
        Money price = new Money(new BigDecimal("1280"), "JPY");
        return envelope(OrderConfirmed.TYPE, orderId, new OrderConfirmed(orderId, customerId,
                List.of(new PricedLine(UUID.randomUUID(), "抹茶 Matcha 100g", price, 1)), price, TOKYO));
    }

    /** {@code order.confirmed} as a broken producer might send it: with no address to ship to. */
    EventEnvelope confirmedWithoutAddress(UUID orderId, UUID customerId) {
        Money price = new Money(new BigDecimal("1280"), "JPY");
        return envelope(OrderConfirmed.TYPE, orderId, new OrderConfirmed(orderId, customerId,
                List.of(new PricedLine(UUID.randomUUID(), "抹茶 Matcha 100g", price, 1)), price, null));
    }

    /** {@code order.cancelled} at the shopper's request. */
    EventEnvelope cancelled(UUID orderId, boolean wasConfirmed) {
        return envelope(OrderCancelled.TYPE, orderId, new OrderCancelled(orderId, "CUSTOMER_REQUEST", wasConfirmed));
    }

    private <T> EventEnvelope envelope(MessageType<T> type, UUID orderId, T payload) {
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), Instant.now(), "order-service",
                orderId.toString(), UUID.randomUUID(), null, codec.toData(payload));
    }
}
