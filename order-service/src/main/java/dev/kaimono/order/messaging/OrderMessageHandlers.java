package dev.kaimono.order.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.events.PaymentCompleted;
import dev.kaimono.events.PaymentFailed;
import dev.kaimono.events.ProductAdded;
import dev.kaimono.events.ProductDiscontinued;
import dev.kaimono.events.ProductUpdated;
import dev.kaimono.events.ShipmentDelivered;
import dev.kaimono.events.ShipmentDispatched;
import dev.kaimono.events.StockReservationFailed;
import dev.kaimono.events.StockReserved;
import dev.kaimono.messaging.MessageHandlers;
import dev.kaimono.order.application.fulfilment.Fulfilment;
import dev.kaimono.order.application.placing.Catalog.CatalogProduct;
import dev.kaimono.order.application.saga.PlaceOrderSagaManager;
import dev.kaimono.order.catalog.CatalogReplica;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.ProductId;
import dev.kaimono.order.domain.Shipment;
import dev.kaimono.order.domain.saga.SagaInput;

/**
 * What order-service consumes on {@value #EVENTS}: inventory's and payment's replies to the place-order
 * saga, shipping's progress, and catalog's products for the replica orders are priced from (ADR 0037; a product
 * is added at version 1). Each delivery runs in one transaction with its inbox record, so a
 * redelivery is skipped; a failure rolls everything back and is retried, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class OrderMessageHandlers {

    static final String EVENTS = "order-service.events";

    @Bean
    MessageHandlers orderEvents(PlaceOrderSagaManager sagas, Fulfilment fulfilment, CatalogReplica catalog) {
        return MessageHandlers.queue(EVENTS)
                .on(StockReserved.TYPE, (event, envelope) ->
                        sagas.onReply(new OrderId(event.orderId()), new SagaInput.StockReserved()))
                .on(StockReservationFailed.TYPE, (event, envelope) ->
                        sagas.onReply(new OrderId(event.orderId()), new SagaInput.StockReservationFailed()))
                .on(PaymentCompleted.TYPE, (event, envelope) -> sagas.onReply(new OrderId(event.orderId()),
                        new SagaInput.PaymentCompleted(event.paymentId(), Contracts.money(event.amount()))))
                .on(PaymentFailed.TYPE, (event, envelope) ->
                        sagas.onReply(new OrderId(event.orderId()), new SagaInput.PaymentFailed(event.reason())))
                .on(ShipmentDispatched.TYPE, (event, envelope) -> fulfilment.dispatched(new OrderId(event.orderId()),
                        new Shipment(event.shipmentId(), event.carrier(), event.trackingNumber())))
                .on(ShipmentDelivered.TYPE, (event, envelope) ->
                        fulfilment.delivered(new OrderId(event.orderId()), event.shipmentId()))
                .on(ProductAdded.TYPE, (event, envelope) -> catalog.describe(new CatalogProduct(
                        new ProductId(event.productId()), event.name(), Contracts.money(event.price()), true), 1))
                .on(ProductUpdated.TYPE, (event, envelope) -> catalog.describe(new CatalogProduct(
                        new ProductId(event.productId()), event.name(), Contracts.money(event.price()), true), event.version()))
                .on(ProductDiscontinued.TYPE, (event, envelope) -> catalog.discontinued(new ProductId(event.productId())));
    }
}
