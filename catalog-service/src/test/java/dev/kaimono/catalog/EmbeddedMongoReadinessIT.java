package dev.kaimono.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import de.bwaldvogel.mongo.MongoServer;

import dev.kaimono.testsupport.ServiceReadinessContract;

/** The local profile without MONGODB_URI: catalog embeds mongo-java-server and talks to it over a socket. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("local")
@DirtiesContext
class EmbeddedMongoReadinessIT extends ServiceReadinessContract {

    @Autowired
    MongoServer embeddedServer;

    @Autowired
    MongoTemplate mongo;

    EmbeddedMongoReadinessIT() {
        super("mongo");
    }

    @Test
    void storesDocumentsInTheEmbeddedServer() {
        mongo.getCollection("probe").insertOne(new org.bson.Document("sku", "KM-1"));

        assertThat(mongo.getDb().getName()).isEqualTo("kaimono_catalog");
        assertThat(mongo.getCollection("probe").countDocuments()).isEqualTo(1);
        assertThat(embeddedServer.getLocalAddress().getPort()).isPositive();
    }
}
