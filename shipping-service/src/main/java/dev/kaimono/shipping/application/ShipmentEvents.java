package dev.kaimono.shipping.application;

import java.util.List;

import dev.kaimono.shipping.domain.ShipmentEvent;

/** Where the use cases announce what happened to shipments; must be called inside their transaction. */
public interface ShipmentEvents {

    void publish(List<ShipmentEvent> events);
}
