package dev.kaimono.load.books;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * catalog-service's outbox: an event waits in the {@code pendingEvents} array of the document it belongs to (a
 * product, a review; ADR 0008) until the catalog's relay has published it and pulled it out. Read-only.
 */
final class CatalogOutbox {

    /** The collections whose documents carry pending events (catalog-service's OutboxConfiguration.COLLECTIONS). */
    static final List<String> COLLECTIONS = List.of("products", "reviews");

    static final String PENDING_EVENTS = "pendingEvents";

    private CatalogOutbox() {
    }

    /** The events still waiting in the store the connection string names (its database: the path, as for the service). */
    static long pendingEvents(String catalogStore) {
        ConnectionString connection = new ConnectionString(catalogStore);
        if (connection.getDatabase() == null) {
            throw new IllegalArgumentException("The catalog store's connection string names no database: " + catalogStore);
        }
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(connection)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoDatabase database = client.getDatabase(connection.getDatabase());
            long events = 0;
            for (String collection : COLLECTIONS) {
                for (Document document : database.getCollection(collection)
                        .find(Filters.exists(PENDING_EVENTS + ".0")).projection(Projections.include(PENDING_EVENTS))) {
                    events += document.getList(PENDING_EVENTS, Object.class).size();
                }
            }
            return events;
        } catch (MongoException e) {
            throw new IllegalStateException(("Cannot read catalog-service's outbox in %s (MONGODB_URI, else the store "
                    + "./platform runs on port %d + KAIMONO_PORT_OFFSET): %s").formatted(catalogStore,
                    BooksSettings.PLATFORM_CATALOG_STORE_PORT, e.getMessage()), e);
        }
    }
}
