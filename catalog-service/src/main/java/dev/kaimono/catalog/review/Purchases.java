package dev.kaimono.catalog.review;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.kaimono.events.OrderDelivered;
import dev.kaimono.events.OrderLine;
import dev.kaimono.events.wire.EventEnvelope;

/**
 * What catalog knows of orders, for the right to review: the delivered orders, who received them and which products
 * ({@code order.delivered}), one document per order in the {@value #COLLECTION} collection. Only delivered orders are
 * kept, so what catalog stores grows with deliveries, not with every order placed. The handler only sets fields, so a
 * repeat changes nothing.
 */
class Purchases {

    private static final Logger log = LoggerFactory.getLogger(Purchases.class);

    static final String COLLECTION = "purchases";

    private final MongoTemplate mongo;

    Purchases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("customerId", Sort.Direction.ASC)
                .on("productIds", Sort.Direction.ASC).named("customer_products"));
    }

    void delivered(OrderDelivered delivery, EventEnvelope envelope) {
        if (delivery.customerId() == null) {
            // A version-1 event (sent before order-service named the customer): nobody to give the right to.
            log.info("Order {} was delivered before deliveries named their customer: it gives no right to review",
                    delivery.orderId());
            return;
        }
        Update update = new Update()
                .set("customerId", delivery.customerId().toString())
                .set("productIds", delivery.lines().stream().map(OrderLine::productId).map(UUID::toString).distinct().toList())
                .set("deliveredAt", envelope.occurredAt());
        mongo.upsert(Query.query(where("_id").is(delivery.orderId().toString())), update, COLLECTION);
    }

    /** Whether an order of the customer's holding the product was delivered to them. */
    boolean received(UUID customerId, UUID productId) {
        return mongo.exists(Query.query(where("customerId").is(customerId.toString()).and("productIds")
                .is(productId.toString())), COLLECTION);
    }
}
