package dev.kaimono.shipping.application;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * For demos only ({@code kaimono.shipping.auto-advance.enabled=true}): every sweep dispatches the
 * shipments ARRANGED for longer than {@code dispatch-after} with the {@link DemoCarrier}, then delivers
 * those DISPATCHED for longer than {@code deliver-after}, publishing the same events as an
 * administrator would. Each step runs in its own transaction and locks its shipments with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances share the work without touching a shipment twice.
 */
@Component
@ConditionalOnBooleanProperty("kaimono.shipping.auto-advance.enabled")
public class AutoAdvance {

    private static final Logger log = LoggerFactory.getLogger(AutoAdvance.class);

    private final CarrierProgress progress;
    private final AutoAdvanceProperties properties;
    private final Clock clock;

    AutoAdvance(CarrierProgress progress, AutoAdvanceProperties properties, Clock clock) {
        this.progress = progress;
        this.properties = properties;
        this.clock = clock;
        log.info("Shipments advance by themselves: dispatched after {}, delivered {} later (demo carrier {})",
                properties.dispatchAfter(), properties.deliverAfter(), DemoCarrier.NAME);
    }

    /** One sweep; run every {@code interval} by a worker (ShippingConfiguration). */
    public void sweep() {
        Instant now = clock.instant();
        int dispatched = progress.dispatchArrangedBefore(now.minus(properties.dispatchAfter()), properties.batchSize(),
                DemoCarrier::nextTracking);
        int delivered = progress.deliverDispatchedBefore(now.minus(properties.deliverAfter()), properties.batchSize());
        if (dispatched + delivered > 0) {
            log.info("Auto-advance dispatched {} and delivered {} shipments", dispatched, delivered);
        }
    }
}
