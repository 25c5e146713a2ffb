package dev.kaimono.events;

import java.util.UUID;

/** An order line with the name and unit price copied from the catalog when the order was placed. */
public record PricedLine(UUID productId, String productName, Money unitPrice, int quantity) {
}
