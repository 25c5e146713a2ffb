package dev.kaimono.catalog.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which catalog instance relays: whoever holds the lease document {@code {_id: "outbox-relay"}} in
 * {@value #COLLECTION}. Taking or renewing it is one atomic find-and-modify that only matches while the
 * lease has expired or is already ours; if it matches nothing, inserting the document takes a lease
 * that never existed, and collides with the {@code _id} of one another instance holds. Renewed every
 * round of the relay; released when the relay stops.
 */
class RelayLease {

    static final String COLLECTION = "outbox_leases";
    static final String LEASE_ID = "outbox-relay";

    private final MongoTemplate mongo;
    private final String owner;
    private final Duration duration;
    private final Clock clock;

    RelayLease(MongoTemplate mongo, String owner, Duration duration, Clock clock) {
        this.mongo = mongo;
        this.owner = owner;
        this.duration = duration;
        this.clock = clock;
    }

    /** Takes the lease if it is free, or renews it if it is ours. */
    boolean tryAcquire() {
        Instant now = clock.instant();
        Date until = Date.from(now.plus(duration));
        Query freeOrOurs = Query.query(where("_id").is(LEASE_ID)
                .orOperator(where("lockedUntil").lt(Date.from(now)), where("owner").is(owner)));
        Document taken = mongo.findAndModify(freeOrOurs, new Update().set("owner", owner).set("lockedUntil", until),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (taken != null) {
            return true;
        }
        try {
            // No lease yet (first start), or another instance holds it: only the first case can insert.
            mongo.insert(new Document("_id", LEASE_ID).append("owner", owner).append("lockedUntil", until), COLLECTION);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** Gives the lease up so another instance can take over at once. */
    void release() {
        mongo.updateFirst(Query.query(where("_id").is(LEASE_ID).and("owner").is(owner)),
                new Update().set("lockedUntil", Date.from(Instant.EPOCH)), COLLECTION);
    }
}
