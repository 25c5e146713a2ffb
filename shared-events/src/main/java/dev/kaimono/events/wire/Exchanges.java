package dev.kaimono.events.wire;

import dev.kaimono.events.MessageType;

/** Where messages travel (ARCHITECTURE §2): events on a topic exchange, commands on another, by their type's name. */
public final class Exchanges {

    /** Integration events, routed by type name ({@code order.confirmed}). */
    public static final String EVENTS = "kaimono.events";

    /** Commands, routed by type name ({@code payment.process}). */
    public static final String COMMANDS = "kaimono.commands";

    private Exchanges() {
    }

    /** The exchange a message of this type is published to. */
    public static String of(MessageType<?> type) {
        return type.kind() == MessageType.Kind.EVENT ? EVENTS : COMMANDS;
    }
}
