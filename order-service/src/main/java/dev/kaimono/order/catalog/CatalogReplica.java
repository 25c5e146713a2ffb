package dev.kaimono.order.catalog;

import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kaimono.order.application.placing.Catalog.CatalogProduct;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.ProductId;

/**
 * order-service's copy of the catalog's products on {@code catalog_product} (ADR 0037), written from catalog's events
 * and from its batch lookup. Every write is one statement that lands the same whatever order the writes arrive in:
 * details replace older ones only ({@code version} is the catalog's), and discontinued is final, as in the catalog.
 */
@Repository
public class CatalogReplica {

    private final JdbcClient jdbc;

    CatalogReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The products among {@code ids} whose details are known, orderable or not. */
    Map<ProductId, CatalogProduct> known(Collection<ProductId> ids) {
        Map<ProductId, CatalogProduct> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT product_id, name, price, currency, orderable FROM catalog_product
                WHERE product_id = ANY(:ids) AND name IS NOT NULL""")
                .param("ids", ids.stream().map(ProductId::value).toArray(UUID[]::new))
                .query((row, n) -> new CatalogProduct(new ProductId(row.getObject("product_id", UUID.class)),
                        row.getString("name"), new Money(row.getBigDecimal("price"), Currency.getInstance(row.getString("currency"))),
                        row.getBoolean("orderable")))
                .list()
                .forEach(product -> found.put(product.id(), product));
        return found;
    }

    /**
     * A product as the catalog described it at {@code version}: kept unless a later version is already known. A
     * product known as discontinued stays so (only its missing details are filled in).
     */
    public void describe(CatalogProduct product, long version) {
        jdbc.sql("""
                INSERT INTO catalog_product AS known (product_id, name, price, currency, orderable, version)
                VALUES (:id, :name, :price, :currency, :orderable, :version)
                ON CONFLICT (product_id) DO UPDATE SET name = excluded.name, price = excluded.price,
                    currency = excluded.currency, orderable = known.orderable AND excluded.orderable,
                    version = greatest(known.version, excluded.version)
                WHERE excluded.version > known.version OR known.name IS NULL""")
                .param("id", product.id().value())
                .param("name", product.name())
                .param("price", product.price().amount())
                .param("currency", product.price().currency().getCurrencyCode())
                .param("orderable", product.orderable())
                .param("version", version)
                .update();
    }

    /** The catalog stopped selling the product: it can no longer be ordered, whatever else arrives about it. */
    public void discontinued(ProductId product) {
        jdbc.sql("""
                INSERT INTO catalog_product (product_id, orderable, version) VALUES (:id, false, 0)
                ON CONFLICT (product_id) DO UPDATE SET orderable = false""")
                .param("id", product.value())
                .update();
    }
}
