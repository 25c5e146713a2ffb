package dev.kaimono.events;

import java.util.Objects;

/**
 * The identity of a message on the wire: its type name (also the AMQP routing key, e.g.
 * {@code order.placed}), its version, the record that carries its data, and whether it is an event
 * (published on {@code kaimono.events}) or a command (sent on {@code kaimono.commands}).
 */
public record MessageType<T>(String name, int version, Class<T> payloadType, Kind kind) {

    /** Events state what happened; commands ask one service to do something. */
    public enum Kind {
        EVENT, COMMAND
    }

    public MessageType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(kind, "kind");
        if (!name.matches("[a-z]+\\.[a-z-]+")) {
            throw new IllegalArgumentException("A message type is <context>.<name> in lower case: " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("Versions start at 1: " + name);
        }
    }

    static <T> MessageType<T> event(String name, int version, Class<T> payloadType) {
        return new MessageType<>(name, version, payloadType, Kind.EVENT);
    }

    static <T> MessageType<T> command(String name, int version, Class<T> payloadType) {
        return new MessageType<>(name, version, payloadType, Kind.COMMAND);
    }

    /** The context that produces an event, or that a command is for: the part before the dot. */
    public String context() {
        return name.substring(0, name.indexOf('.'));
    }
}
