package dev.kaimono.inventory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import dev.kaimono.inventory.application.StockItems;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.Stock;
import dev.kaimono.inventory.domain.StockItem;

/** Stock items in {@code stock_item}; locks are row locks ({@code FOR UPDATE}) taken in product-id order. */
@Repository
class JdbcStockItems implements StockItems {

    private static final String COLUMNS = "SELECT product_id, on_hand, reserved FROM stock_item";

    private final JdbcClient jdbc;

    JdbcStockItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StockItem> find(ProductId productId) {
        return jdbc.sql(COLUMNS + " WHERE product_id = :id").param("id", productId.value())
                .query(JdbcStockItems::map).optional();
    }

    @Override
    public List<StockItem> findAll(Collection<ProductId> productIds) {
        return jdbc.sql(COLUMNS + " WHERE product_id = ANY(:ids) ORDER BY product_id").param("ids", uuids(productIds))
                .query(JdbcStockItems::map).list();
    }

    @Override
    public Stock lock(Collection<ProductId> productIds) {
        if (productIds.isEmpty()) {
            return Stock.of(List.of());
        }
        // PostgreSQL locks the rows in the order of the sort below, so concurrent lockers never deadlock.
        return Stock.of(jdbc.sql(COLUMNS + " WHERE product_id = ANY(:ids) ORDER BY product_id FOR UPDATE")
                .param("ids", uuids(productIds))
                .query(JdbcStockItems::map).list());
    }

    @Override
    public boolean addIfMissing(StockItem item) {
        return jdbc.sql("""
                INSERT INTO stock_item (product_id, on_hand, reserved) VALUES (:id, :onHand, :reserved)
                ON CONFLICT (product_id) DO NOTHING""")
                .param("id", item.productId().value())
                .param("onHand", item.onHand())
                .param("reserved", item.reserved())
                .update() == 1;
    }

    @Override
    public void update(Collection<StockItem> items) {
        for (StockItem item : items) {
            jdbc.sql("UPDATE stock_item SET on_hand = :onHand, reserved = :reserved, updated_at = now() WHERE product_id = :id")
                    .param("id", item.productId().value())
                    .param("onHand", item.onHand())
                    .param("reserved", item.reserved())
                    .update();
        }
    }

    static SqlArrayValue uuids(Collection<ProductId> productIds) {
        return new SqlArrayValue("uuid", (Object[]) productIds.stream().map(ProductId::value).distinct().toArray(UUID[]::new));
    }

    private static StockItem map(ResultSet row, int rowNumber) throws SQLException {
        return StockItem.restore(new ProductId(row.getObject("product_id", UUID.class)), row.getInt("on_hand"),
                row.getInt("reserved"));
    }
}
