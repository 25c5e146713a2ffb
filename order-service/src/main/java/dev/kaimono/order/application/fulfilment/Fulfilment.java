package dev.kaimono.order.application.fulfilment;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.kaimono.order.application.OrderCommandHandler;
import dev.kaimono.order.domain.OrderCommand.RecordDelivery;
import dev.kaimono.order.domain.OrderCommand.RecordShipment;
import dev.kaimono.order.domain.OrderCommand;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderRuleViolationException;
import dev.kaimono.order.domain.Shipment;
import dev.kaimono.order.domain.UnknownOrderException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Moves orders along as shipping reports progress (choreography): dispatched → {@code SHIPPED},
 * delivered → {@code DELIVERED}. Reports repeat harmlessly. A report the order cannot accept — a parcel
 * dispatched for an order its shopper cancelled a moment before — is a business conflict no retry will
 * solve: it is logged and counted ({@code kaimono.orders.fulfilment.conflicts}) for people to resolve,
 * not retried into the dead-letter queue.
 */
@Service
public class Fulfilment {

    private static final Logger log = LoggerFactory.getLogger(Fulfilment.class);

    private final OrderCommandHandler orders;
    private final Clock clock;
    private final MeterRegistry meters;

    Fulfilment(OrderCommandHandler orders, Clock clock, MeterRegistry meters) {
        this.orders = orders;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void dispatched(OrderId orderId, Shipment shipment) {
        apply(new RecordShipment(orderId, shipment, clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void delivered(OrderId orderId, UUID shipmentId) {
        apply(new RecordDelivery(orderId, shipmentId, clock.instant()));
    }

    private void apply(OrderCommand command) {
        try {
            orders.handle(command);
        } catch (OrderRuleViolationException | UnknownOrderException conflict) {
            log.warn("Shipping reported {} for order {}, which cannot accept it: {}", command.name(),
                    command.orderId(), conflict.getMessage());
            meters.counter("kaimono.orders.fulfilment.conflicts", "report", command.name()).increment();
        }
    }
}
