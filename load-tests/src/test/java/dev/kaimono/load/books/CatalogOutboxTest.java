package dev.kaimono.load.books;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog's outbox read over the MongoDB wire protocol, from the server ./platform runs inside catalog-service. */
class CatalogOutboxTest {

    private MongoServer server;

    private String uri;

    @BeforeEach
    void store() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://%s:%d/kaimono_catalog".formatted(address.getHostString(), address.getPort());
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void countsTheEventsWaitingInProductsAndReviews() {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase catalog = client.getDatabase("kaimono_catalog");
            catalog.getCollection("products").insertMany(List.of(
                    new Document("name", "published long ago").append("pendingEvents", List.of()),
                    new Document("name", "never had an event"),
                    new Document("name", "added, then repriced").append("pendingEvents",
                            List.of(new Document("eventType", "ProductAdded"), new Document("eventType", "ProductUpdated")))));
            catalog.getCollection("reviews").insertOne(new Document("rating", 5).append("pendingEvents",
                    List.of(new Document("eventType", "ReviewPosted"))));
            catalog.getCollection("carts").insertOne(new Document("pendingEvents", List.of(new Document())));
            client.getDatabase("another_catalog").getCollection("products")
                    .insertOne(new Document("pendingEvents", List.of(new Document())));
        }

        assertThat(CatalogOutbox.pendingEvents(uri)).isEqualTo(3);
    }

    @Test
    void anEmptyStoreHasNothingWaiting() {
        assertThat(CatalogOutbox.pendingEvents(uri)).isZero();
    }

    @Test
    void aConnectionStringWithoutADatabaseIsRefusedByName() {
        String withoutDatabase = uri.substring(0, uri.lastIndexOf('/'));

        assertThatThrownBy(() -> CatalogOutbox.pendingEvents(withoutDatabase))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(withoutDatabase);
    }

    @Test
    void theStoreIsMongodbUriElseThePlatformsShiftedByItsPortOffset() {
        assertThat(BooksSettings.from(Map.of("KAIMONO_PORT_OFFSET", "20000"), new Properties()).catalogStore())
                .isEqualTo("mongodb://127.0.0.1:29982/kaimono_catalog");
        assertThat(BooksSettings.from(Map.of(), new Properties()).catalogStore())
                .isEqualTo("mongodb://127.0.0.1:9982/kaimono_catalog");
        assertThat(BooksSettings.from(Map.of("KAIMONO_PORT_OFFSET", "20000", "MONGODB_URI", "mongodb://mongo:27017/shop"),
                new Properties()).catalogStore()).isEqualTo("mongodb://mongo:27017/shop");
    }
}
