package dev.kaimono.catalog.review;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.kaimono.events.OrderDelivered;
import dev.kaimono.events.OrderPlaced;
import dev.kaimono.events.PricedLine;
import dev.kaimono.events.wire.EventEnvelope;

/**
 * What catalog knows of orders, for the right to review: who ordered which products ({@code order.placed}) and
 * whether the order reached them ({@code order.delivered}), one document per order in the {@value #COLLECTION}
 * collection. Both handlers only set fields, so a repeat changes nothing, and either event may come first.
 */
class Purchases {

    static final String COLLECTION = "purchases";

    private final MongoTemplate mongo;

    Purchases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("customerId", Sort.Direction.ASC)
                .on("productIds", Sort.Direction.ASC).named("customer_products"));
    }

    void placed(OrderPlaced order, EventEnvelope envelope) {
        Update update = new Update()
                .set("customerId", order.customerId().toString())
                .set("productIds", order.lines().stream().map(PricedLine::productId).map(UUID::toString).distinct().toList())
                .set("placedAt", envelope.occurredAt());
        mongo.upsert(Query.query(where("_id").is(order.orderId().toString())), update, COLLECTION);
    }

    void delivered(OrderDelivered delivery, EventEnvelope envelope) {
        mongo.upsert(Query.query(where("_id").is(delivery.orderId().toString())),
                new Update().set("deliveredAt", envelope.occurredAt()), COLLECTION);
    }

    /** Whether an order of the customer's holding the product was delivered to them. */
    boolean received(UUID customerId, UUID productId) {
        return mongo.exists(Query.query(where("customerId").is(customerId.toString()).and("productIds")
                .is(productId.toString()).and("deliveredAt").exists(true)), COLLECTION);
    }
}
