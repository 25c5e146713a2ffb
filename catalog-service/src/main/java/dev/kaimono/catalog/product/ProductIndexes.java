package dev.kaimono.catalog.product;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import dev.kaimono.catalog.outbox.PendingEvent;

/**
 * The indexes of the products collection, created at start-up (creating an existing index is a no-op).
 * Start-up fails if they cannot be created: without the unique SKU index, duplicates could slip in.
 */
@Component
class ProductIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    ProductIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(ProductDocument.COLLECTION);
        // One SKU per product, compared upper-cased and NFKC-normalized.
        indexes.createIndex(new Index().on("skuKey", Sort.Direction.ASC).unique().named("sku_unique"));
        // Search: MongoDB answers $all from this multikey index for the first token (Products puts the longest,
        // usually rarest, first) and checks the others on the documents it finds.
        indexes.createIndex(new Index().on("searchTokens", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .named("search_tokens"));
        // Category pages and the category counts.
        indexes.createIndex(new Index().on("categories", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("nameKey", Sort.Direction.ASC).named("category_name"));
        // Browsing without a query, in each order a shopper can ask for.
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("nameKey", Sort.Direction.ASC).named("status_name"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("price", Sort.Direction.ASC).named("status_price"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC)
                .named("status_created"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("ratingAverage", Sort.Direction.ASC)
                .on("ratingCount", Sort.Direction.ASC).named("status_rating"));
        // The outbox relay finds documents with pending events by this (an empty array has no entry).
        indexes.createIndex(new Index().on(PendingEvent.FIELD + ".storedAt", Sort.Direction.ASC).named("pending_events"));
    }
}
