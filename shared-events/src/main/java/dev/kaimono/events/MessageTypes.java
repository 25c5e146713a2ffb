package dev.kaimono.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every message type of the v1 catalog (ARCHITECTURE §2), by name. */
public final class MessageTypes {

    public static final List<MessageType<?>> ALL = List.of(
            UserRegistered.TYPE,
            UserProfileUpdated.TYPE,
            ProductAdded.TYPE,
            ProductUpdated.TYPE,
            ProductDiscontinued.TYPE,
            ReviewPosted.TYPE,
            ReviewEdited.TYPE,
            ReviewRemoved.TYPE,
            StockReplenished.TYPE,
            StockReserved.TYPE,
            StockReservationFailed.TYPE,
            StockReleased.TYPE,
            ProductOutOfStock.TYPE,
            PaymentCompleted.TYPE,
            PaymentFailed.TYPE,
            PaymentRefunded.TYPE,
            OrderPlaced.TYPE,
            OrderConfirmed.TYPE,
            OrderCancelled.TYPE,
            OrderShipped.TYPE,
            OrderDelivered.TYPE,
            CartItemAdded.TYPE,
            CartItemQuantityChanged.TYPE,
            CartItemRemoved.TYPE,
            CartCheckedOut.TYPE,
            ShipmentArranged.TYPE,
            ShipmentDispatched.TYPE,
            ShipmentDelivered.TYPE,
            ShipmentCancelled.TYPE,
            ReserveStock.TYPE,
            ReleaseStock.TYPE,
            ProcessPayment.TYPE,
            RefundPayment.TYPE);

    private static final Map<String, MessageType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(MessageType::name, Function.identity()));

    private MessageTypes() {
    }

    public static Optional<MessageType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
