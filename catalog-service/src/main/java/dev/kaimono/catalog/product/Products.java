package dev.kaimono.catalog.product;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

import com.mongodb.client.result.UpdateResult;

import dev.kaimono.catalog.outbox.MongoOutbox;
import dev.kaimono.catalog.outbox.PendingEvent;
import dev.kaimono.catalog.search.SearchTokens;

/**
 * The products in MongoDB. Every write is one single-document write that stores the change together
 * with its events in {@code pendingEvents} (the outbox), so both are stored or neither is; updates are
 * conditional on the version they were based on (optimistic locking) and never touch entries the relay
 * is removing.
 */
@Repository
class Products {

    private static final String[] STORE_ONLY_FIELDS = {"searchTokens", PendingEvent.FIELD};

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final IntegrationEvents events;

    Products(MongoTemplate mongo, MongoOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = new IntegrationEvents(outbox);
    }

    /** Stores a new product and the events of its creation. */
    void add(Product product) {
        try {
            mongo.insert(ProductDocument.of(product, events.of(product)));
        } catch (DuplicateKeyException e) {
            throw new DuplicateSkuException(product.content().sku());
        }
        outbox.stored();
    }

    /**
     * Stores a changed product and the events of the change, if the stored product is still at
     * {@code storedVersion}.
     *
     * @throws StaleProductVersionException if someone else changed it since it was read
     */
    void update(Product changed, long storedVersion) {
        ProductContent content = changed.content();
        Update update = new Update()
                .set("sku", content.sku().value())
                .set("skuKey", content.sku().key())
                .set("name", content.name())
                .set("nameKey", ProductDocument.nameKey(content.name()))
                .set("description", content.description())
                .set("imageUrls", content.imageUrls())
                .set("price", content.price().amount())
                .set("currency", content.price().currency().getCurrencyCode())
                .set("categories", content.categories())
                .set("attributes", content.attributes())
                .set("status", changed.status())
                .set("version", changed.version())
                .set("updatedAt", changed.updatedAt())
                .set("searchTokens", ProductDocument.searchTokens(content));
        update.push(PendingEvent.FIELD).each(events.of(changed).toArray());
        UpdateResult result;
        try {
            result = mongo.updateFirst(Query.query(where("id").is(changed.id().toString()).and("version").is(storedVersion)),
                    update, ProductDocument.class);
        } catch (DuplicateKeyException e) {
            throw new DuplicateSkuException(content.sku());
        }
        if (result.getMatchedCount() == 0) {
            Product current = byId(changed.id()).orElseThrow(() -> new ProductNotFoundException(changed.id().toString()));
            throw new StaleProductVersionException(changed.id(), storedVersion, current.version());
        }
        outbox.stored();
    }

    /**
     * Stores a product's rating as counted, if nobody stored another count since the product was at {@code revision}.
     *
     * @return false if somebody did (or the product does not exist): count again
     */
    boolean rate(UUID id, long revision, Rating.Tally tally) {
        Rating rating = Rating.of(tally.count(), tally.sum(), revision + 1);
        Criteria unchanged = revision == 0
                ? new Criteria().orOperator(where("ratingRevision").is(0L), where("ratingRevision").exists(false))
                : where("ratingRevision").is(revision);
        Update update = new Update()
                .set("ratingCount", rating.count())
                .set("ratingSum", tally.sum())
                .set("ratingRevision", rating.revision());
        // Null (not $unset, which the typed mapping would try to turn into a Decimal128) sorts as the lowest, as missing does.
        update.set("ratingAverage", rating.average() == null ? null : new Decimal128(rating.average()));
        return mongo.updateFirst(Query.query(where("id").is(id.toString()).andOperator(unchanged)), update,
                ProductDocument.class).getMatchedCount() == 1;
    }

    Optional<Product> byId(UUID id) {
        return Optional.ofNullable(mongo.findOne(withoutStoreOnlyFields(Query.query(where("id").is(id.toString()))),
                ProductDocument.class)).map(ProductDocument::toProduct);
    }

    List<Product> byIds(Collection<UUID> ids) {
        Query query = withoutStoreOnlyFields(Query.query(where("id").in(ids.stream().map(UUID::toString).toList())));
        return mongo.find(query, ProductDocument.class).stream().map(ProductDocument::toProduct).toList();
    }

    Page<Product> search(ProductQuery search) {
        Criteria criteria = where("status").is(ProductStatus.ACTIVE);
        List<String> tokens = SearchTokens.forQuery(search.text()).stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        if (!tokens.isEmpty()) {
            criteria = criteria.and("searchTokens").all(tokens);
        }
        if (search.category() != null) {
            criteria = criteria.and("categories").is(search.category());
        }
        PageRequest page = PageRequest.of(search.page(), search.size(), sort(search.sort()));
        Query matching = Query.query(criteria);
        Query query = withoutStoreOnlyFields(Query.query(criteria).with(page));
        List<Product> content = mongo.find(query, ProductDocument.class).stream().map(ProductDocument::toProduct).toList();
        return PageableExecutionUtils.getPage(content, page, () -> mongo.count(matching, ProductDocument.class));
    }

    List<CategoryCount> categories() {
        Aggregation counts = Aggregation.newAggregation(
                Aggregation.match(where("status").is(ProductStatus.ACTIVE.name())),
                Aggregation.unwind("categories"),
                Aggregation.group("categories").count().as("products"),
                Aggregation.sort(Sort.by("_id")));
        return mongo.aggregate(counts, ProductDocument.COLLECTION, Document.class).getMappedResults().stream()
                .map(row -> new CategoryCount(row.getString("_id"), ((Number) row.get("products")).longValue()))
                .toList();
    }

    private static Sort sort(ProductSort sort) {
        String property = switch (sort.field()) {
            case NAME -> "nameKey";
            case PRICE -> "price";
            case CREATED_AT -> "createdAt";
            case RATING -> "ratingAverage";
        };
        Sort.Direction direction = sort.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
        if (sort.field() == ProductSort.Field.RATING) {
            // Among equal averages, more reviews weigh more.
            return Sort.by(direction, property, "ratingCount").and(Sort.by("id"));
        }
        // The id breaks ties, so pages never overlap or skip products with equal names or prices.
        return Sort.by(direction, property).and(Sort.by("id"));
    }

    private static Query withoutStoreOnlyFields(Query query) {
        query.fields().exclude(STORE_ONLY_FIELDS);
        return query;
    }
}
