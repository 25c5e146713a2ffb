package dev.kaimono.events;

import java.util.UUID;

/** A line that could not be reserved: how many were asked for and how many were available. */
public record ShortLine(UUID productId, int requested, int available) {
}
