package dev.kaimono.order.projection;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import dev.kaimono.order.application.reading.OrderDetails;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.OrderLine;
import dev.kaimono.order.domain.ProductId;
import dev.kaimono.order.domain.ShippingAddress;
import dev.kaimono.order.persistence.StoredJson;
import tools.jackson.core.type.TypeReference;

/** The JSON columns of {@code order_details}. */
record DetailsDocuments(String lines, String shippingAddress) {

    private static final TypeReference<List<Line>> LINES = new TypeReference<>() {
    };

    static DetailsDocuments of(OrderDetails details) {
        List<Line> lines = details.lines().stream().map(line -> new Line(line.productId().value(), line.productName(),
                line.unitPrice().amount(), line.unitPrice().currency().getCurrencyCode(), line.quantity())).toList();
        ShippingAddress address = details.shippingAddress();
        return new DetailsDocuments(StoredJson.JSON.writeValueAsString(lines), StoredJson.JSON.writeValueAsString(
                new Address(address.name(), address.line1(), address.city(), address.postalCode(), address.country())));
    }

    static List<OrderLine> lines(String json) {
        return StoredJson.JSON.readValue(json, LINES).stream().map(line -> new OrderLine(new ProductId(line.productId()),
                line.productName(), new Money(line.unitPrice(), Currency.getInstance(line.currency())), line.quantity())).toList();
    }

    static ShippingAddress shippingAddress(String json) {
        Address address = StoredJson.JSON.readValue(json, Address.class);
        return new ShippingAddress(address.name(), address.line1(), address.city(), address.postalCode(), address.country());
    }

    record Line(UUID productId, String productName, BigDecimal unitPrice, String currency, int quantity) {
    }

    record Address(String name, String line1, String city, String postalCode, String country) {
    }
}
