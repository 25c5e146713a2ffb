package dev.kaimono.inventory.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A positive quantity of one product that an order reserves. */
public record ReservationLine(ProductId productId, int quantity) {

    public ReservationLine {
        Objects.requireNonNull(productId, "A reservation line needs a product");
        if (quantity <= 0) {
            throw new IllegalArgumentException("A reservation line needs a positive quantity, not " + quantity
                    + " (product " + productId + ")");
        }
    }

    /** One line per product, quantities of repeated products added up, in the order products first appear. */
    public static List<ReservationLine> merged(List<ReservationLine> lines) {
        Map<ProductId, Integer> quantities = new LinkedHashMap<>();
        for (ReservationLine line : lines) {
            quantities.merge(line.productId(), line.quantity(), Math::addExact);
        }
        return quantities.entrySet().stream().map(entry -> new ReservationLine(entry.getKey(), entry.getValue())).toList();
    }
}
