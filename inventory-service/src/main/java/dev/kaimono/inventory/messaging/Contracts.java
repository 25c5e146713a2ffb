package dev.kaimono.inventory.messaging;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.kaimono.events.OrderLine;
import dev.kaimono.events.PricedLine;
import dev.kaimono.events.ShortLine;
import dev.kaimono.events.wire.MalformedMessageException;
import dev.kaimono.inventory.domain.OrderId;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.ReservationLine;
import dev.kaimono.inventory.domain.Shortage;

/**
 * Translation between the contracts of {@code shared-events} and the domain. A message whose content
 * the domain refuses (no order id, no lines, a quantity below one) can never be handled, however often it
 * is retried: it is reported as malformed and goes to the dead-letter queue at once.
 */
final class Contracts {

    private Contracts() {
    }

    static OrderId orderId(UUID orderId) {
        return valid(() -> new OrderId(orderId));
    }

    static ProductId productId(UUID productId) {
        return valid(() -> new ProductId(productId));
    }

    static List<ReservationLine> orderLines(List<OrderLine> lines) {
        return linesOf(() -> lines.stream().map(line -> new ReservationLine(productId(line.productId()), line.quantity())).toList());
    }

    static List<ReservationLine> pricedLines(List<PricedLine> lines) {
        return linesOf(() -> lines.stream().map(line -> new ReservationLine(productId(line.productId()), line.quantity())).toList());
    }

    static List<OrderLine> toOrderLines(List<ReservationLine> lines) {
        return lines.stream().map(line -> new OrderLine(line.productId().value(), line.quantity())).toList();
    }

    static List<ShortLine> toShortLines(List<Shortage> shortages) {
        return shortages.stream()
                .map(shortage -> new ShortLine(shortage.productId().value(), shortage.requested(), shortage.available()))
                .toList();
    }

    private static List<ReservationLine> linesOf(Supplier<List<ReservationLine>> lines) {
        List<ReservationLine> mapped = valid(lines);
        if (mapped.isEmpty()) {
            throw new MalformedMessageException("An order has at least one line");
        }
        return mapped;
    }

    private static <T> T valid(Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedMessageException("Not a valid order: " + e.getMessage(), e);
        }
    }
}
