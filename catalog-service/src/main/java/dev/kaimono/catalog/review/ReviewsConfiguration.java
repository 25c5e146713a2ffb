package dev.kaimono.catalog.review;

import java.time.Clock;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.kaimono.catalog.outbox.MongoOutbox;
import dev.kaimono.catalog.product.ProductCatalog;
import dev.kaimono.events.OrderDelivered;
import dev.kaimono.events.OrderPlaced;
import dev.kaimono.messaging.MessageHandlers;

/**
 * Reviews and what they need: the purchases learnt from order-service's events on catalog's queue
 * ({@value #QUEUE}), the inbox in MongoDB, and the indexes of the three collections, created at start-up.
 */
@Configuration(proxyBeanMethods = false)
class ReviewsConfiguration {

    static final String QUEUE = "catalog-service.events";

    @Bean
    Purchases purchases(MongoTemplate mongo) {
        return new Purchases(mongo);
    }

    @Bean
    Reviews reviews(MongoTemplate mongo, MongoOutbox outbox) {
        return new Reviews(mongo, outbox);
    }

    @Bean
    MongoInbox inbox(MongoTemplate mongo, Clock clock) {
        return new MongoInbox(mongo, clock);
    }

    @Bean
    ReviewService reviewService(Reviews reviews, Purchases purchases, ProductCatalog catalog, MongoOutbox outbox,
            Clock clock) {
        return new ReviewService(reviews, purchases, catalog, outbox, clock);
    }

    /** Both handlers only set fields of the order's document: a repeat is harmless, as catalog's store needs. */
    @Bean
    MessageHandlers orderEvents(Purchases purchases) {
        return MessageHandlers.queue(QUEUE)
                .onIdempotent(OrderPlaced.TYPE, purchases::placed)
                .onIdempotent(OrderDelivered.TYPE, purchases::delivered);
    }

    /** Start-up fails if the indexes cannot be created: without the unique one, a shopper could review twice. */
    @Bean
    InitializingBean reviewIndexes(Reviews reviews, Purchases purchases, MongoInbox inbox) {
        return () -> {
            reviews.createIndexes();
            purchases.createIndexes();
            inbox.createIndexes();
        };
    }
}
