package dev.kaimono.order.messaging;

import org.springframework.stereotype.Component;

import dev.kaimono.events.CartCheckedOut;
import dev.kaimono.events.CartItemAdded;
import dev.kaimono.events.CartItemQuantityChanged;
import dev.kaimono.events.CartItemRemoved;
import dev.kaimono.events.OrderLine;
import dev.kaimono.messaging.Outbox;
import dev.kaimono.order.application.cart.CartEvent;
import dev.kaimono.order.application.cart.CartMessages;
import dev.kaimono.order.domain.CustomerId;

/** {@link CartMessages} through the transactional outbox: {@code cart.*} events on {@code kaimono.events}, keyed by the shopper. */
@Component
class OutboxCartMessages implements CartMessages {

    private final Outbox outbox;

    OutboxCartMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(CustomerId customer, CartEvent event) {
        String key = customer.toString();
        switch (event) {
            case CartEvent.ItemAdded added -> outbox.publish(CartItemAdded.TYPE, key,
                    new CartItemAdded(customer.value(), added.productId().value(), added.quantity()));
            case CartEvent.QuantityChanged changed -> outbox.publish(CartItemQuantityChanged.TYPE, key,
                    new CartItemQuantityChanged(customer.value(), changed.productId().value(), changed.quantity(),
                            changed.previousQuantity()));
            case CartEvent.ItemRemoved removed -> outbox.publish(CartItemRemoved.TYPE, key,
                    new CartItemRemoved(customer.value(), removed.productId().value(), removed.quantity()));
            case CartEvent.CheckedOut checkedOut -> outbox.publish(CartCheckedOut.TYPE, key,
                    new CartCheckedOut(customer.value(), checkedOut.orderId().value(), checkedOut.lines().stream()
                            .map(line -> new OrderLine(line.productId().value(), line.quantity())).toList()));
        }
    }
}
