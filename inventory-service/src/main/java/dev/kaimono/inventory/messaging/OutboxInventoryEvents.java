package dev.kaimono.inventory.messaging;

import org.springframework.stereotype.Component;

import dev.kaimono.events.ProductOutOfStock;
import dev.kaimono.events.StockReleased;
import dev.kaimono.events.StockReplenished;
import dev.kaimono.events.StockReservationFailed;
import dev.kaimono.events.StockReserved;
import dev.kaimono.inventory.application.InventoryEvents;
import dev.kaimono.inventory.domain.InventoryEvent;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationDeducted;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationHeld;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationRefused;
import dev.kaimono.inventory.domain.InventoryEvent.ReservationReleased;
import dev.kaimono.inventory.domain.InventoryEvent.StockCounted;
import dev.kaimono.inventory.domain.InventoryEvent.StockDepleted;
import dev.kaimono.messaging.Outbox;

/**
 * Publishes inventory's integration events through the transactional outbox: reservation outcomes keyed
 * by order, stock changes keyed by product. A deduction has no integration event of its own.
 */
@Component
class OutboxInventoryEvents implements InventoryEvents {

    private final Outbox outbox;

    OutboxInventoryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(InventoryEvent event) {
        switch (event) {
            case StockCounted counted -> outbox.publish(StockReplenished.TYPE, counted.productId().toString(),
                    new StockReplenished(counted.productId().value(), counted.onHand(), counted.available()));
            case StockDepleted depleted -> outbox.publish(ProductOutOfStock.TYPE, depleted.productId().toString(),
                    new ProductOutOfStock(depleted.productId().value()));
            case ReservationHeld held -> outbox.publish(StockReserved.TYPE, held.orderId().toString(),
                    new StockReserved(held.orderId().value(), Contracts.toOrderLines(held.lines())));
            case ReservationRefused refused -> outbox.publish(StockReservationFailed.TYPE, refused.orderId().toString(),
                    new StockReservationFailed(refused.orderId().value(), Contracts.toShortLines(refused.shortages())));
            case ReservationReleased released -> outbox.publish(StockReleased.TYPE, released.orderId().toString(),
                    new StockReleased(released.orderId().value(), Contracts.toOrderLines(released.lines())));
            case ReservationDeducted deducted -> {
                // Nobody subscribes to deductions: order-service already knows it confirmed the order.
            }
        }
    }
}
