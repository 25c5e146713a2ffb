package dev.kaimono.events;

import java.util.List;
import java.util.UUID;

import dev.kaimono.events.wire.Upcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * An order reached the shopper. Produced by order-service. Version 2 says whose order it was and what it held, so a
 * consumer (catalog: the right to review) needs no earlier event; {@link #FROM_V1} reads a version-1 message with
 * neither ({@code customerId} null, no lines).
 */
public record OrderDelivered(UUID orderId, UUID shipmentId, UUID customerId, List<OrderLine> lines) {

    public static final MessageType<OrderDelivered> TYPE = MessageType.event("order.delivered", 2, OrderDelivered.class);

    /** Version 1 ({@code orderId}, {@code shipmentId}) to 2: nobody known, nothing delivered that can be named. */
    public static final Upcaster FROM_V1 = new Upcaster() {

        @Override
        public String eventType() {
            return TYPE.name();
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
    };

    public OrderDelivered {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
