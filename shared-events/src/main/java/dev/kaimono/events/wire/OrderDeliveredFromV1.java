package dev.kaimono.events.wire;

import dev.kaimono.events.OrderDelivered;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code order.delivered} version 1 ({@code orderId}, {@code shipmentId}) to 2: nobody known ({@code customerId}
 * null) and no lines, so a consumer that needs them can tell and skip it.
 */
public final class OrderDeliveredFromV1 implements Upcaster {

    @Override
    public String eventType() {
        return OrderDelivered.TYPE.name();
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode data) {
        data.putNull("customerId");
        data.putArray("lines");
        return data;
    }
}
