package dev.kaimono.catalog.product;

import java.util.List;

import dev.kaimono.catalog.outbox.MongoOutbox;
import dev.kaimono.catalog.outbox.PendingEvent;
import dev.kaimono.events.Money;
import dev.kaimono.events.ProductAdded;
import dev.kaimono.events.ProductDiscontinued;
import dev.kaimono.events.ProductUpdated;

/** Maps what the {@link Product} recorded to the {@code catalog.product-*} contracts, as outbox entries. */
final class IntegrationEvents {

    private final MongoOutbox outbox;

    IntegrationEvents(MongoOutbox outbox) {
        this.outbox = outbox;
    }

    List<PendingEvent> of(Product product) {
        return product.recordedEvents().stream().map(this::entry).toList();
    }

    private PendingEvent entry(ProductEvent event) {
        String aggregateId = event.productId().toString();
        return switch (event) {
            case ProductEvent.Added added -> outbox.entry(ProductAdded.TYPE, aggregateId, new ProductAdded(added.productId(),
                    added.sku().value(), added.name(), money(added.price()), added.categories()));
            case ProductEvent.Updated updated -> outbox.entry(ProductUpdated.TYPE, aggregateId, new ProductUpdated(
                    updated.productId(), updated.sku().value(), updated.name(), money(updated.price()), updated.categories(),
                    updated.version()));
            case ProductEvent.Discontinued discontinued -> outbox.entry(ProductDiscontinued.TYPE, aggregateId,
                    new ProductDiscontinued(discontinued.productId(), discontinued.sku().value()));
        };
    }

    private static Money money(Price price) {
        return new Money(price.amount(), price.currency().getCurrencyCode());
    }
}
