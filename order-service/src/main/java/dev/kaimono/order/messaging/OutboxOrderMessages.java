package dev.kaimono.order.messaging;

import org.springframework.stereotype.Component;

import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.OrderConfirmed;
import dev.kaimono.events.OrderDelivered;
import dev.kaimono.events.OrderLine;
import dev.kaimono.events.OrderPlaced;
import dev.kaimono.events.OrderShipped;
import dev.kaimono.events.ProcessPayment;
import dev.kaimono.events.RefundPayment;
import dev.kaimono.events.ReleaseStock;
import dev.kaimono.events.ReserveStock;
import dev.kaimono.messaging.Outbox;
import dev.kaimono.order.application.OrderMessages;
import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderEvent;
import dev.kaimono.order.domain.saga.PlaceOrderSagaState;
import dev.kaimono.order.domain.saga.SagaCommand;

/**
 * {@link OrderMessages} through the transactional outbox: {@code order.*} events on {@code kaimono.events},
 * saga commands on {@code kaimono.commands}, keyed by the order id. {@code order.placed} and
 * {@code order.confirmed} carry the whole order, {@code order.delivered} whose it was and what it held, so consumers
 * need not call back.
 */
@Component
class OutboxOrderMessages implements OrderMessages {

    private final Outbox outbox;

    OutboxOrderMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(Order order, OrderEvent event) {
        String key = order.id().toString();
        switch (event) {
            case OrderEvent.OrderPlaced placed -> outbox.publish(OrderPlaced.TYPE, key, new OrderPlaced(order.id().value(),
                    order.customerId().value(), order.lines().stream().map(Contracts::line).toList(),
                    Contracts.money(order.total()), Contracts.address(order)));
            case OrderEvent.OrderConfirmed confirmed -> outbox.publish(OrderConfirmed.TYPE, key, new OrderConfirmed(
                    order.id().value(), order.customerId().value(), order.lines().stream().map(Contracts::line).toList(),
                    Contracts.money(order.total()), Contracts.address(order)));
            case OrderEvent.OrderCancelled cancelled -> outbox.publish(OrderCancelled.TYPE, key,
                    new OrderCancelled(order.id().value(), cancelled.reason().name(), cancelled.wasConfirmed()));
            case OrderEvent.OrderShipped shipped -> outbox.publish(OrderShipped.TYPE, key,
                    new OrderShipped(order.id().value(), shipped.shipment().shipmentId()));
            case OrderEvent.OrderDelivered delivered -> outbox.publish(OrderDelivered.TYPE, key,
                    new OrderDelivered(order.id().value(), delivered.shipmentId(), order.customerId().value(),
                            order.lines().stream().map(line -> new OrderLine(line.productId().value(), line.quantity())).toList()));
        }
    }

    @Override
    public void send(PlaceOrderSagaState saga, SagaCommand command) {
        String key = saga.orderId().toString();
        switch (command) {
            case SagaCommand.ReserveStock reserve -> outbox.publish(ReserveStock.TYPE, key, new ReserveStock(saga.orderId().value(),
                    reserve.lines().stream().map(line -> new OrderLine(line.productId().value(), line.quantity())).toList()));
            case SagaCommand.ReleaseStock release -> outbox.publish(ReleaseStock.TYPE, key, new ReleaseStock(saga.orderId().value()));
            case SagaCommand.ProcessPayment payment -> outbox.publish(ProcessPayment.TYPE, key, new ProcessPayment(
                    saga.orderId().value(), payment.customerId().value(), Contracts.money(payment.amount()), payment.paymentMethod().value(),
                    payment.chargeBy()));
            case SagaCommand.RefundPayment refund -> outbox.publish(RefundPayment.TYPE, key,
                    new RefundPayment(saga.orderId().value(), Contracts.money(refund.amount())));
        }
    }
}
