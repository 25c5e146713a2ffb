package dev.kaimono.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fixed, realistic instance of every message type: the object mother of the contract tests. */
public final class SampleMessages {

    public static final UUID USER = UUID.fromString("7d4a1c6e-2f0b-4b8e-9a51-3c2d1e0f9a01");
    public static final UUID ORDER = UUID.fromString("0b6f3e2a-8c41-4d7a-b9e2-5f1a2c3d4e02");
    public static final UUID PRODUCT = UUID.fromString("c3e1a9b7-6d5f-4e2a-8b1c-9d0e1f2a3b03");
    public static final UUID PAYMENT = UUID.fromString("e5f7a9c1-3b2d-4f6e-8a0b-1c2d3e4f5a04");
    public static final UUID SHIPMENT = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c05");
    public static final UUID REVIEW = UUID.fromString("f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b06");
    private static final Instant AT = Instant.parse("2026-11-26T09:30:00Z");
    private static final Money PRICE = new Money(new BigDecimal("1280"), "JPY");
    private static final Money TOTAL = new Money(new BigDecimal("2560"), "JPY");
    private static final List<OrderLine> LINES = List.of(new OrderLine(PRODUCT, 2));
    private static final List<PricedLine> PRICED = List.of(new PricedLine(PRODUCT, "抹茶 Matcha 100g", PRICE, 2));
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ann Lee", "1-2-3 Jingumae", "Tokyo", "150-0001", "JP");

    public static final Map<MessageType<?>, Object> ALL = Map.ofEntries(
            Map.entry(UserRegistered.TYPE, new UserRegistered(USER, "ann@example.com", "Ann Lee", AT)),
            Map.entry(UserProfileUpdated.TYPE, new UserProfileUpdated(USER, "Ann Lee-Sato", AT)),
            Map.entry(ProductAdded.TYPE, new ProductAdded(PRODUCT, "TEA-MATCHA-100", "抹茶 Matcha 100g", PRICE, List.of("tea", "japan"))),
            Map.entry(ProductUpdated.TYPE, new ProductUpdated(PRODUCT, "TEA-MATCHA-100", "抹茶 Matcha 100g", PRICE, List.of("tea"), 3)),
            Map.entry(ProductDiscontinued.TYPE, new ProductDiscontinued(PRODUCT, "TEA-MATCHA-100")),
            Map.entry(ReviewPosted.TYPE, new ReviewPosted(REVIEW, PRODUCT, USER, 5, "香りが良く、毎朝飲んでいます。")),
            Map.entry(ReviewEdited.TYPE, new ReviewEdited(REVIEW, PRODUCT, USER, 4, "香りが良い。少し苦め。")),
            Map.entry(ReviewRemoved.TYPE, new ReviewRemoved(REVIEW, PRODUCT, USER, "WITHDRAWN")),
            Map.entry(StockReplenished.TYPE, new StockReplenished(PRODUCT, 40, 37)),
            Map.entry(StockReserved.TYPE, new StockReserved(ORDER, LINES)),
            Map.entry(StockReservationFailed.TYPE, new StockReservationFailed(ORDER, List.of(new ShortLine(PRODUCT, 2, 1)))),
            Map.entry(StockReleased.TYPE, new StockReleased(ORDER, LINES)),
            Map.entry(ProductOutOfStock.TYPE, new ProductOutOfStock(PRODUCT)),
            Map.entry(PaymentCompleted.TYPE, new PaymentCompleted(ORDER, PAYMENT, TOTAL)),
            Map.entry(PaymentFailed.TYPE, new PaymentFailed(ORDER, "card_declined")),
            Map.entry(PaymentRefunded.TYPE, new PaymentRefunded(ORDER, PAYMENT, TOTAL)),
            Map.entry(OrderPlaced.TYPE, new OrderPlaced(ORDER, USER, PRICED, TOTAL, ADDRESS)),
            Map.entry(OrderConfirmed.TYPE, new OrderConfirmed(ORDER, USER, PRICED, TOTAL, ADDRESS)),
            Map.entry(OrderCancelled.TYPE, new OrderCancelled(ORDER, "PAYMENT_DECLINED", false)),
            Map.entry(OrderShipped.TYPE, new OrderShipped(ORDER, SHIPMENT)),
            Map.entry(OrderDelivered.TYPE, new OrderDelivered(ORDER, SHIPMENT, USER, LINES)),
            Map.entry(CartItemAdded.TYPE, new CartItemAdded(USER, PRODUCT, 2)),
            Map.entry(CartItemQuantityChanged.TYPE, new CartItemQuantityChanged(USER, PRODUCT, 3, 2)),
            Map.entry(CartItemRemoved.TYPE, new CartItemRemoved(USER, PRODUCT, 3)),
            Map.entry(CartCheckedOut.TYPE, new CartCheckedOut(USER, ORDER, LINES)),
            Map.entry(ShipmentArranged.TYPE, new ShipmentArranged(SHIPMENT, ORDER)),
            Map.entry(ShipmentDispatched.TYPE, new ShipmentDispatched(SHIPMENT, ORDER, "Yamato", "4242-0000-1111")),
            Map.entry(ShipmentDelivered.TYPE, new ShipmentDelivered(SHIPMENT, ORDER)),
            Map.entry(ShipmentCancelled.TYPE, new ShipmentCancelled(SHIPMENT, ORDER)),
            Map.entry(ReserveStock.TYPE, new ReserveStock(ORDER, LINES)),
            Map.entry(ReleaseStock.TYPE, new ReleaseStock(ORDER)),
            Map.entry(ProcessPayment.TYPE, new ProcessPayment(ORDER, USER, TOTAL, "pm_card_visa", AT.plusSeconds(60))),
            Map.entry(RefundPayment.TYPE, new RefundPayment(ORDER, TOTAL)));

    private SampleMessages() {
    }
}
