package dev.kaimono.events;

import java.util.UUID;

/** A quantity of one product in an order. */
public record OrderLine(UUID productId, int quantity) {
}
