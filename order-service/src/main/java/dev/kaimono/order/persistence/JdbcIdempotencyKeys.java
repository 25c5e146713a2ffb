package dev.kaimono.order.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kaimono.order.application.placing.IdempotencyKeys;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.runtime.Batches;

/** {@link IdempotencyKeys} on {@code idempotency_key}. */
@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredKey> find(CustomerId customer, String key) {
        return jdbc.sql("SELECT request_hash, order_id FROM idempotency_key WHERE customer_id = :customer AND key = :key")
                .param("customer", customer.value()).param("key", key)
                .query((row, n) -> new StoredKey(row.getString("request_hash"), new OrderId(row.getObject("order_id", UUID.class))))
                .optional();
    }

    @Override
    public void insert(CustomerId customer, String key, String requestHash, OrderId orderId, Instant at) {
        try {
            jdbc.sql("""
                    INSERT INTO idempotency_key (customer_id, key, request_hash, order_id, created_at)
                    VALUES (:customer, :key, :hash, :order, :at)""")
                    .param("customer", customer.value()).param("key", key).param("hash", requestHash)
                    .param("order", orderId.value()).param("at", Timestamp.from(at))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new IdempotencyKeyTakenException(taken);
        }
    }

    @Override
    public int forgetStoredBefore(Instant cutoff) {
        return Batches.repeatWhileFull(BATCH, () -> jdbc.sql("""
                DELETE FROM idempotency_key WHERE ctid IN (
                    SELECT ctid FROM idempotency_key WHERE created_at < :cutoff LIMIT :limit)""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", BATCH)
                .update());
    }
}
