package dev.kaimono.order.domain.saga;

import static dev.kaimono.order.domain.Orders.ORDER;
import static dev.kaimono.order.domain.Orders.PAYMENT;
import static dev.kaimono.order.domain.Orders.PLACED_AT;
import static dev.kaimono.order.domain.Orders.SHOPPER;
import static dev.kaimono.order.domain.Orders.VISA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kaimono.order.domain.CancellationReason;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.OrderCommand;
import dev.kaimono.order.domain.Orders;
import dev.kaimono.order.domain.Shipment;

/**
 * The names the saga's transition log stores for its triggers, commands and order commands. Rows already written
 * hold exactly these; changing one means a migration of {@code place_order_saga_transition}, not just a rename.
 */
class StoredNamesTest {

    private static final Money AMOUNT = Money.of("9200", "JPY");

    @Test
    void triggersKeepTheirStoredNames() {
        assertThat(List.of(new SagaInput.StockReserved(), new SagaInput.StockReservationFailed(),
                new SagaInput.PaymentCompleted(PAYMENT, AMOUNT), new SagaInput.PaymentFailed("declined"),
                new SagaInput.DeadlinePassed()).stream().map(SagaInput::name))
                .containsExactly("StockReserved", "StockReservationFailed", "PaymentCompleted", "PaymentFailed", "DeadlinePassed");
    }

    @Test
    void sagaCommandsKeepTheirStoredNames() {
        assertThat(List.of(new SagaCommand.ReserveStock(List.of()), new SagaCommand.ReleaseStock(),
                new SagaCommand.ProcessPayment(SHOPPER, AMOUNT, VISA, PLACED_AT),
                new SagaCommand.RefundPayment(AMOUNT)).stream().map(SagaCommand::name))
                .containsExactly("ReserveStock", "ReleaseStock", "ProcessPayment", "RefundPayment");
    }

    @Test
    void orderCommandsKeepTheirStoredNames() {
        UUID shipment = UUID.randomUUID();
        assertThat(List.of(Orders.placeOrder(), new OrderCommand.ConfirmOrder(ORDER, PAYMENT, PLACED_AT),
                new OrderCommand.RejectOrder(ORDER, CancellationReason.TIMED_OUT, PLACED_AT),
                new OrderCommand.CancelOrder(ORDER, PLACED_AT),
                new OrderCommand.RecordShipment(ORDER, new Shipment(shipment, "Yamato", "1"), PLACED_AT),
                new OrderCommand.RecordDelivery(ORDER, shipment, PLACED_AT)).stream().map(OrderCommand::name))
                .containsExactly("PlaceOrder", "ConfirmOrder", "RejectOrder", "CancelOrder", "RecordShipment", "RecordDelivery");
    }

    @Test
    void compensationsAreTaggedByWhatIsGivenBack() {
        assertThat(List.of(Compensation.values()).stream().map(Compensation::tag)).containsExactly("stock", "payment");
    }
}
