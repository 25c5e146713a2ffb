package dev.kaimono.order.messaging;

import java.util.Currency;

import dev.kaimono.events.PricedLine;
import dev.kaimono.events.ShippingAddress;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderLine;

/** Translations between order-service's domain values and the integration contracts' values. */
final class Contracts {

    private Contracts() {
    }

    static dev.kaimono.events.Money money(Money money) {
        return new dev.kaimono.events.Money(money.amount(), money.currency().getCurrencyCode());
    }

    static Money money(dev.kaimono.events.Money money) {
        return new Money(money.amount(), Currency.getInstance(money.currency()));
    }

    static PricedLine line(OrderLine line) {
        return new PricedLine(line.productId().value(), line.productName(), money(line.unitPrice()), line.quantity());
    }

    static ShippingAddress address(Order order) {
        var address = order.shippingAddress();
        return new ShippingAddress(address.name(), address.line1(), address.city(), address.postalCode(), address.country());
    }
}
