package dev.kaimono.order.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.kaimono.order.domain.OrderCommand.PlaceOrder;
import dev.kaimono.order.domain.OrderEvent.OrderCancelled;
import dev.kaimono.order.domain.OrderEvent.OrderConfirmed;
import dev.kaimono.order.domain.OrderEvent.OrderDelivered;
import dev.kaimono.order.domain.OrderEvent.OrderPlaced;
import dev.kaimono.order.domain.OrderEvent.OrderShipped;

/** Object mother of orders: one order of two matcha tins and a whisk, along its lifecycle. */
public final class Orders {

    public static final Instant PLACED_AT = Instant.parse("2026-11-26T10:00:00Z");
    public static final OrderId ORDER = new OrderId(UUID.fromString("0b5c3a7e-0000-4000-8000-000000000001"));
    public static final CustomerId SHOPPER = new CustomerId(UUID.fromString("5b0a6e1c-0000-4000-8000-000000000002"));
    public static final PaymentMethod VISA = new PaymentMethod("pm_card_visa");
    public static final ProductId MATCHA = new ProductId(UUID.fromString("a1000000-0000-4000-8000-000000000003"));
    public static final ProductId WHISK = new ProductId(UUID.fromString("a2000000-0000-4000-8000-000000000004"));
    public static final UUID PAYMENT = UUID.fromString("c0000000-0000-4000-8000-000000000005");
    public static final UUID SHIPMENT = UUID.fromString("d0000000-0000-4000-8000-000000000006");

    private Orders() {
    }

    public static Instant minutesLater(int minutes) {
        return PLACED_AT.plus(Duration.ofMinutes(minutes));
    }

    public static OrderLine twoTinsOfMatcha() {
        return new OrderLine(MATCHA, "Uji Matcha 100g", Money.of("3200", "JPY"), 2);
    }

    public static OrderLine aWhisk() {
        return new OrderLine(WHISK, "Bamboo Whisk", Money.of("2800", "JPY"), 1);
    }

    public static ShippingAddress anAddress() {
        return new ShippingAddress("Ann Lee", "1-2-3 Jingumae", "Tokyo", "150-0001", "JP");
    }

    public static PlaceOrder placeOrder() {
        return new PlaceOrder(ORDER, SHOPPER, List.of(twoTinsOfMatcha(), aWhisk()), anAddress(), VISA, PLACED_AT);
    }

    public static OrderPlaced placed() {
        return new OrderPlaced(ORDER, SHOPPER, List.of(twoTinsOfMatcha(), aWhisk()), Money.of("9200", "JPY"), anAddress(),
                VISA, PLACED_AT);
    }

    public static OrderConfirmed confirmed() {
        return new OrderConfirmed(ORDER, PAYMENT, minutesLater(1));
    }

    public static OrderCancelled cancelledFor(CancellationReason reason) {
        return new OrderCancelled(ORDER, reason, reason == CancellationReason.CUSTOMER_REQUEST, minutesLater(2));
    }

    public static OrderShipped shipped() {
        return new OrderShipped(ORDER, new Shipment(SHIPMENT, "Yamato", "1234-5678"), minutesLater(60));
    }

    public static OrderDelivered delivered() {
        return new OrderDelivered(ORDER, SHIPMENT, minutesLater(24 * 60));
    }

    public static Order aPendingOrder() {
        return order(placed());
    }

    public static Order aConfirmedOrder() {
        return order(placed(), confirmed());
    }

    public static Order aShippedOrder() {
        return order(placed(), confirmed(), shipped());
    }

    /** The order these events make, the first of them its placing. */
    public static Order order(OrderEvent... history) {
        return (Order) OrderDecider.fold(List.of(history));
    }
}
