package dev.kaimono.shipping.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.OrderConfirmed;
import dev.kaimono.events.ShippingAddress;
import dev.kaimono.events.wire.MalformedMessageException;
import dev.kaimono.messaging.MessageHandlers;
import dev.kaimono.shipping.application.OrderFulfilment;
import dev.kaimono.shipping.domain.Address;
import dev.kaimono.shipping.domain.CustomerId;
import dev.kaimono.shipping.domain.OrderId;

/**
 * What shipping-service consumes on {@value #EVENTS}: confirmed orders (arrange their shipment) and
 * cancelled orders (withdraw an undispatched shipment). Each message is applied once (inbox), in the
 * transaction of the use case it calls. A message without an order or customer id, or with an
 * address that cannot be shipped to, goes to the dead-letter queue without retries.
 */
@Configuration(proxyBeanMethods = false)
class ShippingMessageHandlers {

    static final String EVENTS = "shipping-service.events";

    @Bean
    MessageHandlers shippingEvents(OrderFulfilment fulfilment) {
        return MessageHandlers.queue(EVENTS)
                .on(OrderConfirmed.TYPE, (event, envelope) -> fulfilment.arrange(
                        new OrderId(required(event.orderId(), "orderId")),
                        new CustomerId(required(event.customerId(), "customerId")),
                        address(event.shippingAddress())))
                .on(OrderCancelled.TYPE, (event, envelope) ->
                        fulfilment.cancel(new OrderId(required(event.orderId(), "orderId")), event.wasConfirmed()));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedMessageException("The message has no " + field);
        }
        return value;
    }

    /** The order's address as shipping keeps it; one that can never be shipped to is dead-lettered at once. */
    private static Address address(ShippingAddress address) {
        if (address == null) {
            throw new MalformedMessageException("order.confirmed carries no shipping address");
        }
        try {
            return new Address(address.name(), address.line1(), address.city(), address.postalCode(), address.country());
        } catch (IllegalArgumentException incomplete) {
            throw new MalformedMessageException("order.confirmed carries an incomplete shipping address", incomplete);
        }
    }
}
