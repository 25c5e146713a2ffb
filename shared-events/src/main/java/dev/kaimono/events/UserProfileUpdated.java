package dev.kaimono.events;

import java.time.Instant;
import java.util.UUID;

/** A shopper changed their profile. Produced by user-service. */
public record UserProfileUpdated(UUID userId, String name, Instant updatedAt) {

    public static final MessageType<UserProfileUpdated> TYPE = MessageType.event("user.profile-updated", 1, UserProfileUpdated.class);
}
