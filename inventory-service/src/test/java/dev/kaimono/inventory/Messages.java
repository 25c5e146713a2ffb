package dev.kaimono.inventory;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.kaimono.events.Money;
import dev.kaimono.events.OrderCancelled;
import dev.kaimono.events.OrderConfirmed;
import dev.kaimono.events.OrderLine;
import dev.kaimono.events.PricedLine;
import dev.kaimono.events.ProductAdded;
import dev.kaimono.events.ReleaseStock;
import dev.kaimono.events.ReserveStock;
import dev.kaimono.events.ShippingAddress;
import dev.kaimono.inventory.domain.OrderId;
import dev.kaimono.inventory.domain.ProductId;

/** The messages other services send inventory, as they would send them. */
final class Messages {

    private static final Money PRICE = new Money(new BigDecimal("1280"), "JPY");
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ann Lee", "1-2-3 Jingumae", "Tokyo", "150-0001", "JP");

    private Messages() {
    }

    static OrderLine orderLine(ProductId product, int quantity) {
        return new OrderLine(product.value(), quantity);
    }

    static ReserveStock reserveStock(OrderId order, OrderLine... lines) {
        return new ReserveStock(order.value(), List.of(lines));
    }

    static ReleaseStock releaseStock(OrderId order) {
        return new ReleaseStock(order.value());
    }

    static ProductAdded productAdded(ProductId product) {
        return new ProductAdded(product.value(), "TEA-" + product.value().toString().substring(0, 8), "抹茶 Matcha 100g", PRICE,
                List.of("tea"));
    }

    /** The order confirmed with these lines, priced as the catalog had them. */
    static OrderConfirmed orderConfirmed(OrderId order, OrderLine... lines) {
        List<PricedLine> priced = Arrays.stream(lines)
                .map(line -> new PricedLine(line.productId(), "抹茶 Matcha 100g", PRICE, line.quantity())).toList();
        BigDecimal total = priced.stream().map(line -> line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderConfirmed(order.value(), UUID.randomUUID(), priced, new Money(total, "JPY"), ADDRESS);
    }

    static OrderCancelled orderCancelled(OrderId order, boolean wasConfirmed) {
        return new OrderCancelled(order.value(), wasConfirmed ? "CUSTOMER_REQUEST" : "PAYMENT_DECLINED", wasConfirmed);
    }
}
