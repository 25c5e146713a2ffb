package dev.kaimono.inventory.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.OrderConfirmed;
import dev.kaimono.events.ProductAdded;
import dev.kaimono.events.ReleaseStock;
import dev.kaimono.events.ReserveStock;
import dev.kaimono.inventory.application.ReservationService;
import dev.kaimono.inventory.application.StockAdministration;
import dev.kaimono.messaging.MessageHandlers;

/**
 * What inventory-service consumes: the place-order saga's commands on {@value #COMMANDS}, and on
 * {@value #EVENTS} new products from the catalog and confirmed or cancelled orders. Each message is
 * applied once (inbox) in the transaction of the use case it calls.
 */
@Configuration(proxyBeanMethods = false)
class InventoryMessageHandlers {

    static final String COMMANDS = "inventory-service.commands";
    static final String EVENTS = "inventory-service.events";

    @Bean
    MessageHandlers inventoryCommands(ReservationService reservations) {
        return MessageHandlers.queue(COMMANDS)
                .on(ReserveStock.TYPE, (command, envelope) ->
                        reservations.reserve(Contracts.orderId(command.orderId()), Contracts.orderLines(command.lines())))
                .on(ReleaseStock.TYPE, (command, envelope) -> reservations.release(Contracts.orderId(command.orderId())));
    }

    @Bean
    MessageHandlers inventoryEvents(StockAdministration stock, ReservationService reservations) {
        return MessageHandlers.queue(EVENTS)
                .on(ProductAdded.TYPE, (event, envelope) -> stock.registerProduct(Contracts.productId(event.productId())))
                .on(OrderConfirmed.TYPE, (event, envelope) ->
                        reservations.confirm(Contracts.orderId(event.orderId()), Contracts.pricedLines(event.lines())))
                .on(OrderCancelled.TYPE, (event, envelope) -> reservations.cancel(Contracts.orderId(event.orderId())));
    }
}
