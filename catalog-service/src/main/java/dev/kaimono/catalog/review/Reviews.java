package dev.kaimono.catalog.review;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;

import dev.kaimono.catalog.outbox.MongoOutbox;
import dev.kaimono.catalog.outbox.PendingEvent;
import dev.kaimono.catalog.product.Rating;

/**
 * The reviews in MongoDB. Every write is one single-document write that stores the change together with its events
 * ({@code pendingEvents}, the outbox); a change is conditional on the version it was based on. A unique index keeps
 * one review per shopper and product, also against two posts at once.
 */
class Reviews {

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;

    Reviews(MongoTemplate mongo, MongoOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Creates the indexes (a no-op when they exist); start-up fails without the unique one. */
    void createIndexes() {
        IndexOperations indexes = mongo.indexOps(ReviewDocument.COLLECTION);
        indexes.createIndex(new Index().on("productId", Sort.Direction.ASC).on("customerId", Sort.Direction.ASC).unique()
                .named("one_per_shopper"));
        indexes.createIndex(new Index().on("productId", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("product_shown"));
        indexes.createIndex(new Index().on(PendingEvent.FIELD + ".storedAt", Sort.Direction.ASC).named("pending_events"));
    }

    /**
     * Stores a first review of a product by its author, with its events.
     *
     * @throws AlreadyReviewedException if the author's review of the product was stored meanwhile
     */
    void add(Review review, List<PendingEvent> events) {
        try {
            mongo.insert(ReviewDocument.of(review, events));
        } catch (DuplicateKeyException e) {
            UUID existing = byAuthor(review.productId(), review.customerId()).map(Review::id).orElse(review.id());
            throw new AlreadyReviewedException(review.productId(), existing);
        }
        outbox.stored();
    }

    /**
     * Stores a changed review with its events, if it is still at the version before the change.
     *
     * @throws ConcurrentReviewChangeException if it is not
     */
    void update(Review changed, List<PendingEvent> events) {
        Update update = new Update()
                .set("rating", changed.rating())
                .set("text", changed.text())
                .set("state", changed.state())
                .set("version", changed.version())
                .set("updatedAt", changed.updatedAt());
        update.push(PendingEvent.FIELD).each(events.toArray());
        boolean stored = mongo.updateFirst(
                Query.query(where("id").is(changed.id().toString()).and("version").is(changed.version() - 1)), update,
                ReviewDocument.class).getMatchedCount() == 1;
        if (!stored) {
            throw new ConcurrentReviewChangeException(changed.id());
        }
        outbox.stored();
    }

    Optional<Review> byId(UUID id) {
        return Optional.ofNullable(mongo.findOne(withoutEvents(Query.query(where("id").is(id.toString()))),
                ReviewDocument.class)).map(ReviewDocument::toReview);
    }

    Optional<Review> byAuthor(UUID productId, UUID customerId) {
        Query query = Query.query(where("productId").is(productId.toString()).and("customerId").is(customerId.toString()));
        return Optional.ofNullable(mongo.findOne(withoutEvents(query), ReviewDocument.class)).map(ReviewDocument::toReview);
    }

    /** The shown reviews of a product, newest first. */
    Page<Review> shown(UUID productId, int page, int size) {
        Criteria shown = where("productId").is(productId.toString()).and("state").is(ReviewState.SHOWN);
        Query matching = Query.query(shown);
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")));
        List<Review> content = mongo.find(withoutEvents(Query.query(shown).with(request)), ReviewDocument.class).stream()
                .map(ReviewDocument::toReview).toList();
        return PageableExecutionUtils.getPage(content, request, () -> mongo.count(matching, ReviewDocument.class));
    }

    /** How many reviews of a product are shown and their ratings' sum, counted from the reviews. */
    Rating.Tally tally(UUID productId) {
        Aggregation tally = Aggregation.newAggregation(
                Aggregation.match(where("productId").is(productId.toString()).and("state").is(ReviewState.SHOWN.name())),
                Aggregation.group("productId").count().as("count").sum("rating").as("sum"));
        Document result = mongo.aggregate(tally, ReviewDocument.COLLECTION, Document.class).getUniqueMappedResult();
        return result == null ? new Rating.Tally(0, 0)
                : new Rating.Tally(((Number) result.get("count")).intValue(), ((Number) result.get("sum")).longValue());
    }

    private static Query withoutEvents(Query query) {
        query.fields().exclude(PendingEvent.FIELD);
        return query;
    }
}
