package dev.kaimono.events.wire;

import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the data of one version of a message type into the next version, so a consumer that knows
 * version N still reads messages of version N-1 that are in flight. Register one per step as a bean.
 */
public interface Upcaster {

    String eventType();

    /** The version this upcaster reads; it produces {@code fromVersion() + 1}. */
    int fromVersion();

    ObjectNode upcast(ObjectNode data);
}
