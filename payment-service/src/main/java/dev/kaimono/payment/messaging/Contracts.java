package dev.kaimono.payment.messaging;

import java.util.Currency;

import dev.kaimono.events.ProcessPayment;
import dev.kaimono.events.wire.MalformedMessageException;
import dev.kaimono.payment.application.ChargeOrder;
import dev.kaimono.payment.domain.CustomerId;
import dev.kaimono.payment.domain.Money;
import dev.kaimono.payment.domain.OrderId;

/** Maps between the integration contracts and payment's own model. */
final class Contracts {

    private Contracts() {
    }

    static ChargeOrder toChargeOrder(ProcessPayment command) {
        return new ChargeOrder(new OrderId(command.orderId()), new CustomerId(command.customerId()),
                toMoney(command.amount()), command.paymentMethod(), command.chargeBy());
    }

    static Money toMoney(dev.kaimono.events.Money money) {
        try {
            return new Money(money.amount(), Currency.getInstance(money.currency()));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("Not an ISO-4217 currency: " + money.currency(), e);
        }
    }

    static dev.kaimono.events.Money toContract(Money money) {
        return new dev.kaimono.events.Money(money.amount(), money.currency().getCurrencyCode());
    }
}
