package dev.kaimono.events;

import java.time.Instant;
import java.util.UUID;

/** A shopper created an account. Produced by user-service. */
public record UserRegistered(UUID userId, String email, String name, Instant registeredAt) {

    public static final MessageType<UserRegistered> TYPE = MessageType.event("user.registered", 1, UserRegistered.class);
}
