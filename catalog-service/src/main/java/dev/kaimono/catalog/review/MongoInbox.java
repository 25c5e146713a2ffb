package dev.kaimono.catalog.review;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

import dev.kaimono.messaging.Inbox;

/**
 * The inbox in MongoDB: one document per consumer and event in the {@value #COLLECTION} collection. MongoDB gives
 * catalog no transaction spanning a handler's write and this record, so catalog's handlers are idempotent by themselves
 * and the record only spares them a repeat.
 */
class MongoInbox implements Inbox {

    static final String COLLECTION = "inbox";

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoInbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("receivedAt", Sort.Direction.ASC).named("received_at"));
    }

    @Override
    public boolean firstDelivery(String consumer, UUID eventId) {
        try {
            mongo.insert(new Document("_id", key(consumer, eventId)).append("receivedAt", Date.from(clock.instant())),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException repeat) {
            return false;
        }
    }

    @Override
    public boolean applied(String consumer, UUID eventId) {
        return mongo.exists(Query.query(where("_id").is(key(consumer, eventId))), COLLECTION);
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return (int) mongo.remove(Query.query(where("receivedAt").lt(Date.from(cutoff))), COLLECTION).getDeletedCount();
    }

    private static String key(String consumer, UUID eventId) {
        return consumer + "/" + eventId;
    }
}
