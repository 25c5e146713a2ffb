package dev.kaimono.inventory.application;

import dev.kaimono.inventory.domain.InventoryEvent;

/** Where the use cases announce what happened; must be called inside their transaction. */
public interface InventoryEvents {

    void publish(InventoryEvent event);
}
