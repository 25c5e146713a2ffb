package dev.kaimono.catalog.review;

import java.time.Clock;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.kaimono.catalog.outbox.MongoOutbox;
import dev.kaimono.catalog.product.ProductCatalog;
import dev.kaimono.events.OrderDelivered;
import dev.kaimono.events.wire.OrderDeliveredFromV1;
import dev.kaimono.events.wire.Upcaster;
import dev.kaimono.messaging.MessageHandlers;

/**
 * Reviews and what they need: the purchases learnt from order-service's {@code order.delivered} on catalog's queue
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

    /** The handler only sets fields of the order's document: a repeat is harmless, as catalog's store needs. */
    @Bean
    MessageHandlers orderEvents(Purchases purchases) {
        return MessageHandlers.queue(QUEUE).onIdempotent(OrderDelivered.TYPE, purchases::delivered);
    }

    /** Deliveries sent as version 1 (no customer) still read, and give nobody a right. */
    @Bean
    Upcaster orderDeliveredFromV1() {
        return new OrderDeliveredFromV1();
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
