package dev.kaimono.shipping.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kaimono.shipping.domain.Address;
import dev.kaimono.shipping.domain.CustomerId;
import dev.kaimono.shipping.domain.OrderId;
import dev.kaimono.shipping.domain.Shipment;
import dev.kaimono.shipping.domain.ShipmentEvent;

/**
 * Shipments follow their orders: one is arranged when an order is confirmed, and withdrawn when the
 * order is cancelled before dispatch. Both are safe to run again for the same order.
 */
@Service
public class OrderFulfilment {

    private static final Logger log = LoggerFactory.getLogger(OrderFulfilment.class);

    private final Shipments shipments;
    private final CancelledOrders cancelledOrders;
    private final ShipmentEvents events;
    private final Clock clock;

    OrderFulfilment(Shipments shipments, CancelledOrders cancelledOrders, ShipmentEvents events, Clock clock) {
        this.shipments = shipments;
        this.cancelledOrders = cancelledOrders;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Arranges the shipment of a confirmed order, keeping a copy of its customer and address. An order
     * that already has a shipment keeps it, and nothing is published again; an order that was cancelled
     * before this arrived gets none.
     */
    @Transactional
    public void arrange(OrderId orderId, CustomerId customerId, Address address) {
        shipments.lockOrder(orderId);
        if (cancelledOrders.contains(orderId)) {
            log.warn("Order {} was confirmed after it had been cancelled: no shipment is arranged", orderId);
            return;
        }
        Shipment shipment = Shipment.arrange(orderId, customerId, address, clock.instant());
        if (!shipments.addIfOrderHasNone(shipment)) {
            log.info("Order {} already has a shipment: arranging it again changes nothing", orderId);
            return;
        }
        events.publish(shipment.pullEvents());
    }

    /**
     * Cancels the shipment of a cancelled order unless the carrier already has it; a dispatched
     * shipment is left as it is (order-service refuses such cancellations, so this is a late or stray
     * event). A confirmed order with no shipment yet is remembered so that it never gets one.
     */
    @Transactional
    public void cancel(OrderId orderId, boolean wasConfirmed) {
        shipments.lockOrder(orderId);
        Optional<Shipment> found = shipments.lockByOrder(orderId);
        if (found.isEmpty()) {
            if (wasConfirmed) {
                cancelledOrders.note(orderId, clock.instant());
                log.info("Order {} was cancelled before its shipment was arranged: none will be", orderId);
            }
            return;
        }
        Shipment shipment = found.get();
        if (shipment.hasBeenDispatched()) {
            log.warn("Order {} was cancelled, but its shipment {} is already {}: the shipment is left as it is",
                    orderId, shipment.id(), shipment.status());
            return;
        }
        shipment.cancel(clock.instant());
        List<ShipmentEvent> happened = shipment.pullEvents();
        if (!happened.isEmpty()) {
            shipments.update(shipment);
            events.publish(happened);
        }
    }
}
