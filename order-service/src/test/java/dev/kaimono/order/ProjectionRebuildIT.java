package dev.kaimono.order;

import static dev.kaimono.order.OrderBodies.anOrder;
import static dev.kaimono.order.OrderBodies.line;
import static dev.kaimono.order.OrderBodies.orderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kaimono.events.ReserveStock;
import dev.kaimono.events.ShipmentDispatched;
import dev.kaimono.events.ShortLine;
import dev.kaimono.events.StockReservationFailed;

/** Read models are projections: rebuilding one from the event store reproduces it row for row. */
class ProjectionRebuildIT extends OrderServiceIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"order_summary", "order_details"})
    void rebuildingAProjectionReproducesItsReadModelExactly(String projection) {
        ordersInEveryState();
        awaitProjectionsCaughtUp();
        List<Map<String, Object>> before = rows(projection);
        jdbc.sql("UPDATE " + projection + " SET status = 'CORRUPTED'").update();
        jdbc.sql("DELETE FROM " + projection + " WHERE order_id = (SELECT order_id FROM " + projection + " ORDER BY order_id LIMIT 1)").update();

        Map<String, Object> rebuilt = anAdministrator().post("/api/admin/orders/projections/" + projection + "/rebuild")
                .expectStatus().isOk().expectBody(Shopper.JSON).returnResult().getResponseBody();

        assertThat(rows(projection)).isEqualTo(before);
        assertThat(before).hasSizeGreaterThanOrEqualTo(4);
        assertThat(rebuilt).containsEntry("projection", projection);
        assertThat((Integer) rebuilt.get("eventsReplayed")).isEqualTo(eventCount());
    }

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aProjectionBehindTheOtherCatchesUpBesideIt() {
        ordersInEveryState();
        awaitProjectionsCaughtUp();
        List<Map<String, Object>> before = rows("order_summary");
        // order_summary back to the start of the feed, as a projection added to a running shop would be; the
        // projector's lock keeps a round in flight from moving the checkpoint meanwhile.
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('kaimono.order.projection.order_summary'))").query().listOfRows();
            jdbc.sql("DELETE FROM order_summary").update();
            jdbc.sql("UPDATE projection_checkpoint SET transaction_id = '0', global_position = 0 WHERE name = 'order_summary'").update();
        });

        UUID next = aShopper().placesOrder(orderOf(line(StubCatalog.KYUSU, 1)));
        awaitProjectionsCaughtUp();

        List<Map<String, Object>> after = rows("order_summary");
        assertThat(after).extracting(row -> row.get("order_id")).contains(next);
        assertThat(after.stream().filter(row -> !row.get("order_id").equals(next)).toList()).isEqualTo(before);
        assertThat(rows("order_details")).extracting(row -> row.get("order_id")).contains(next);
    }

    @Test
    void onlyAdministratorsRebuildAndOnlyKnownProjections() {
        aShopper().post("/api/admin/orders/projections/order_summary/rebuild").expectStatus().isForbidden();
        anAdministrator().post("/api/admin/orders/projections/nonsense/rebuild").expectStatus().isNotFound();

        List<Map<String, Object>> checkpoints = anAdministrator().get("/api/admin/orders/projections").expectStatus().isOk()
                .expectBody(Shopper.JSON_LIST).returnResult().getResponseBody();
        assertThat(checkpoints).extracting(checkpoint -> checkpoint.get("projection")).containsExactly("order_details", "order_summary");
    }

    private void ordersInEveryState() {
        Shopper ann = aShopper();
        ann.placesOrder(orderOf(line(StubCatalog.KYUSU, 2)));
        UUID outOfStock = ann.placesOrder(anOrder());
        probe().await(outOfStock, ReserveStock.TYPE);
        publish(StockReservationFailed.TYPE, outOfStock, new StockReservationFailed(outOfStock,
                List.of(new ShortLine(StubCatalog.MATCHA, 2, 0))));
        awaitStatus(ann, outOfStock, "CANCELLED");
        aConfirmedOrderOf(ann);
        UUID shipped = aConfirmedOrderOf(aShopper());
        publish(ShipmentDispatched.TYPE, shipped, new ShipmentDispatched(UUID.randomUUID(), shipped, "Yamato", "9"));
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM order_event WHERE aggregate_id = :id")
                .param("id", shipped).query(Long.class).single() == 3);
    }

    private void awaitProjectionsCaughtUp() {
        await().atMost(PATIENCE).until(() -> {
            Map<String, Object> last = jdbc.sql("""
                    SELECT transaction_id::text AS tx, global_position FROM order_event
                    ORDER BY transaction_id DESC, global_position DESC LIMIT 1""").query().singleRow();
            return jdbc.sql("""
                    SELECT count(*) FROM projection_checkpoint
                    WHERE transaction_id::text = :tx AND global_position = :position""")
                    .param("tx", last.get("tx")).param("position", last.get("global_position"))
                    .query(Long.class).single() == 2;
        });
    }

    private List<Map<String, Object>> rows(String projection) {
        return jdbc.sql("SELECT * FROM " + projection + " ORDER BY order_id").query().listOfRows();
    }

    private int eventCount() {
        return jdbc.sql("SELECT count(*) FROM order_event").query(Integer.class).single();
    }
}
